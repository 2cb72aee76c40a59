using System.Net;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Import;

/// <summary>A running bot, watching its own copy of the knowledge, answers from a file the import has just written.</summary>
public sealed class ImportedKnowledgeServedTests : IDisposable
{
    private const string Question = "What did Toktobekov say about the Ak-Suu dam?";

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_freshly_imported_article_is_answered_by_the_running_bot()
    {
        using var copy = new KnowledgeCopy();
        await using var factory = copy.Factory().With("RegionBot:Reload:WatchKnowledge", "true").With("RegionBot:Reload:ReloadDebounce", "00:00:00.300");
        using var client = factory.CreateClient();
        var before = await AskAsync(client, Question);
        Assert.DoesNotContain("Ak-Suu", before, StringComparison.Ordinal);

        var article = ArticleFixtures.Invented.WriteTo(folder.Path, "pdf");
        var (exitCode, _, error) = ImportRun.Command([article], copy.KnowledgePath);
        Assert.True(exitCode == 0, error);

        var after = before;
        for (var attempt = 0; attempt < 50 && !after.Contains("Ak-Suu", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(200);
            after = await AskAsync(client, Question);
        }

        Assert.Contains("Kyrgyz Minister of Water Resources Almaz Toktobekov said the new Ak-Suu dam would be filled slowly", after, StringComparison.Ordinal);
        Assert.Contains("Almaz Toktobekov, Kyrgyzstan's Minister of Water Resources", after, StringComparison.Ordinal);
        Assert.Contains("Water talks resume in the Kyzyl-Tash Valley", after, StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(question, deliveryMode: "expectReplies")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", ActivityJson.Replies(await response.Content.ReadAsStringAsync())
            .Where(reply => (string)reply["type"]! == "message")
            .Select(reply => (string?)reply["text"] ?? ""));
    }
}
