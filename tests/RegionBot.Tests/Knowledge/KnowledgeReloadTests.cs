using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Admin;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>Editing the knowledge of a running bot: the watcher, refused edits in /healthz, and reloads under load.</summary>
public sealed class KnowledgeReloadTests
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";
    private const string Marker = "This sentence was added while the bot was running.";
    private const string AdminKey = "test-admin-key-0f3c-5a1e-4b7d-9c2f-8e6a";

    [Fact]
    public async Task An_edited_knowledge_file_is_answered_from_within_a_few_seconds()
    {
        using var copy = new KnowledgeCopy();
        await using var factory = copy.Factory().With("RegionBot:Reload:WatchKnowledge", "true").With("RegionBot:Reload:ReloadDebounce", "00:00:00.300");
        using var client = factory.CreateClient();
        var before = await AskAsync(client, Question);
        Assert.DoesNotContain(Marker, before, StringComparison.Ordinal);

        EditTopPassage(factory, copy);

        var after = await EventuallyAsync(client, reply => reply.Contains(Marker, StringComparison.Ordinal));
        Assert.Contains(Marker, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_file_with_a_mistake_is_refused_reported_by_file_and_line_and_the_old_answers_stay()
    {
        using var copy = new KnowledgeCopy();
        await using var factory = copy.Factory()
            .With("RegionBot:Reload:WatchKnowledge", "true")
            .With("RegionBot:Reload:ReloadDebounce", "00:00:00.300")
            .With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(AdminEndpoints.KeyHeader, AdminKey);
        var before = await AskAsync(client, Question);

        File.WriteAllText(copy.FilePath("broken-source.md"), "---\nid: broken-source\npublisher: Somebody\n---\n\n## Heading\ncountry: Atlantis\n");

        var lastError = await EventuallyHealthAsync(client, health => health.GetProperty("lastError").ValueKind == JsonValueKind.Object);
        var problems = lastError.GetProperty("lastError").GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Contains(problems, problem => System.Text.RegularExpressions.Regex.IsMatch(problem, @"^broken-source\.md:\d+: "));
        Assert.Equal("ok", lastError.GetProperty("status").GetString());
        Assert.Equal(before, await AskAsync(client, Question));

        File.Delete(copy.FilePath("broken-source.md"));

        var healed = await EventuallyHealthAsync(client, health => health.GetProperty("lastError").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Null, healed.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task Reloads_under_load_fail_no_turn_and_every_answer_is_wholly_old_or_wholly_new()
    {
        using var copy = new KnowledgeCopy();
        await using var factory = copy.Factory()
            .With("RegionBot:Reload:WatchKnowledge", "false")
            .With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = factory.CreateClient();
        var original = await AskAsync(client, Question);
        var file = EditTopPassage(factory, copy, out var originalContent, out var editedContent);
        await ReloadAsync(client);
        var edited = await AskAsync(client, Question);
        Assert.Contains(Marker, edited, StringComparison.Ordinal);

        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentBag<(HttpStatusCode Status, string? Text)>();
        var workers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.PostAsync(
                    BotEndpoints.MessagesPath,
                    ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));
                var body = await response.Content.ReadAsStringAsync();
                answers.Add((response.StatusCode, response.IsSuccessStatusCode ? MessageText(body) : body));
            }
        })).ToArray();

        for (var reload = 0; reload < 6; reload++)
        {
            File.WriteAllText(file, reload % 2 == 0 ? originalContent : editedContent);
            await ReloadAsync(client);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(answers.Count > 20, $"only {answers.Count} turns ran during the reloads");
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.True(answer.Text == original || answer.Text == edited, "an answer was neither the old nor the new knowledge's: " + answer.Text));
        Assert.Contains(answers, answer => answer.Text == original);
    }

    private static async Task ReloadAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoints.ReloadPath);
        request.Headers.Add(AdminEndpoints.KeyHeader, AdminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string EditTopPassage(RegionBotFactory factory, KnowledgeCopy copy) =>
        EditTopPassage(factory, copy, out _, out _);

    /// <summary>Appends the marker to the passage that best answers the question, in its knowledge file.</summary>
    private static string EditTopPassage(RegionBotFactory factory, KnowledgeCopy copy, out string originalContent, out string editedContent)
    {
        var top = factory.Services.GetRequiredService<KnowledgeStore>().Search(Question).Hits[0].Passage;
        var file = Path.Combine(copy.KnowledgePath, top.Source.FilePath);
        if (!File.Exists(file))
        {
            file = Directory.GetFiles(copy.KnowledgePath, Path.GetFileName(top.Source.FilePath), SearchOption.AllDirectories).Single();
        }

        originalContent = File.ReadAllText(file);
        Assert.Contains(top.Text, originalContent, StringComparison.Ordinal);
        editedContent = originalContent.Replace(top.Text, top.Text + " " + Marker, StringComparison.Ordinal);
        File.WriteAllText(file, editedContent);
        return file;
    }

    private static async Task<string> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(question, deliveryMode: "expectReplies")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MessageText(await response.Content.ReadAsStringAsync());
    }

    private static string MessageText(string body) =>
        (string)ActivityJson.Replies(body).Single(reply => (string)reply["type"]! == "message")["text"]!;

    private static async Task<string> EventuallyAsync(HttpClient client, Func<string, bool> done)
    {
        var reply = string.Empty;
        for (var attempt = 0; attempt < 50 && !done(reply); attempt++)
        {
            await Task.Delay(200);
            reply = await AskAsync(client, Question);
        }

        return reply;
    }

    private static async Task<JsonElement> EventuallyHealthAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        JsonElement health = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(200);
            using var response = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (done(health))
            {
                break;
            }
        }

        return health;
    }
}
