using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Replies;

namespace RegionBot.Tests.DirectLine;

/// <summary>
/// The local Direct Line's REST protocol, as DirectLineJS uses it, against the real bot: tokens, conversations,
/// posting and reading activities with watermarks.
/// </summary>
public sealed class LocalDirectLineEndpointsTests(RunningBot running) : SharedBotTest(running)
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";

    [Fact]
    public async Task Generate_gives_a_token_for_one_new_conversation_with_a_server_chosen_user_id()
    {
        var first = await Client.GenerateTokenAsync();
        var second = await Client.GenerateTokenAsync();

        Assert.Equal(1800, (int)first["expires_in"]!);
        Assert.NotEqual((string?)first["conversationId"], (string?)second["conversationId"]);
        var claims = DirectLineTestClient.Claims((string)first["token"]!);
        Assert.Equal((string?)first["conversationId"], (string?)claims["conv"]);

        // Web Chat takes the user id from the token's "user" claim; the "dl_" prefix marks it as server-issued.
        Assert.StartsWith("dl_", (string)claims["user"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCIsInVzZXIiOiJ5IiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Requests_without_a_valid_token_get_401(string? authorization)
    {
        var (conversationId, _, _) = await Client.StartConversationAsync();
        var paths = new[]
        {
            (HttpMethod.Post, "/v3/directline/conversations"),
            (HttpMethod.Post, "/v3/directline/tokens/refresh"),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}"),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities"),
        };

        foreach (var (method, path) in paths)
        {
            using var request = new HttpRequestMessage(method, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation()
    {
        var (mine, myToken, _) = await Client.StartConversationAsync();
        var (_, othersToken, _) = await Client.StartConversationAsync();
        var message = new JObject { ["type"] = "message", ["text"] = "hello" };

        using var read = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine}/activities", othersToken);
        using var post = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{mine}/activities", othersToken, message);
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine}", othersToken);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        var (activities, _) = await Client.GetActivitiesAsync(mine, myToken);
        Assert.DoesNotContain(activities, a => (string?)a["text"] == "hello");
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_is_not_found()
    {
        var generated = await Client.GenerateTokenAsync();
        var conversationId = (string)generated["conversationId"]!;

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", (string)generated["token"]!);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Starting_a_conversation_brings_the_bots_welcome_once()
    {
        var generated = await Client.GenerateTokenAsync();
        var token = (string)generated["token"]!;
        var conversationId = (string)generated["conversationId"]!;

        using var started = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        using var startedAgain = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, startedAgain.StatusCode);
        var body = JObject.Parse(await started.Content.ReadAsStringAsync());
        Assert.Equal(conversationId, (string)body["conversationId"]!);
        Assert.StartsWith($"ws://{Bot.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", (string)body["streamUrl"]!, StringComparison.Ordinal);

        var (activities, watermark) = await Client.GetActivitiesAsync(conversationId, token);
        var welcome = Assert.Single(activities);
        Assert.Equal("1", watermark);
        Assert.Equal(BotMessages.Welcome(null).Text, (string)welcome["text"]!);
        Assert.Equal("regionbot", (string)welcome["from"]!["id"]!);
        Assert.Equal(BotMessages.ExampleQuestions, welcome["suggestedActions"]!["actions"]!.Select(a => (string)a["value"]!));
    }

    [Fact]
    public async Task A_question_is_echoed_to_the_user_then_answered_with_attribution()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        var (_, afterWelcome) = await Client.GetActivitiesAsync(conversationId, token);

        var id = await Client.PostMessageAsync(conversationId, token, Question, clientActivityId: "web-chat-42");

        var (activities, watermark) = await Client.GetActivitiesAsync(conversationId, token, afterWelcome);
        var echo = activities[0];
        Assert.Equal(id, (string)echo["id"]!);
        Assert.Equal(Question, (string)echo["text"]!);
        Assert.Equal("directline", (string)echo["channelId"]!);
        Assert.Equal("web-chat-42", (string)echo["channelData"]!["clientActivityID"]!);

        // The user is who the token says, whatever the client claimed in "from".
        Assert.Equal((string)DirectLineTestClient.Claims(token)["user"]!, (string)echo["from"]!["id"]!);

        var expected = Bot.Services.GetRequiredService<KnowledgeStore>().Search(Question);
        Assert.True(expected.HasAnswer);
        var answer = activities.Single(a => (string)a["type"]! == "message" && (string?)a["replyToId"] == id);
        // Web Chat draws [1] as a citation from the Markdown link definition that follows the text.
        Assert.Equal(AnswerText.WithCitationLinks(AnswerText.Format(expected), AnswerComposer.FromSearch(expected).Passages), (string)answer["text"]!);
        Assert.Contains("*Source: " + expected.Hits[0].Passage.Source.Publisher, (string)answer["text"]!, StringComparison.Ordinal);
        Assert.Equal("markdown", (string)answer["textFormat"]!);

        var (nothingNew, sameWatermark) = await Client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.Empty(nothingNew);
        Assert.Equal(watermark, sameWatermark);
    }

    [Fact]
    public async Task Reconnecting_gives_a_new_stream_url_that_resumes_at_the_watermark()
    {
        var (conversationId, token, started) = await Client.StartConversationAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(conversationId, (string)body["conversationId"]!);
        Assert.EndsWith("&watermark=1", (string)body["streamUrl"]!, StringComparison.Ordinal);
        Assert.NotEqual((string)started["streamUrl"]!, (string)body["streamUrl"]!);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_gets_400_not_a_server_error()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent("{ this is not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_activity_gets_413_and_is_not_added()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        var huge = new JObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) };
        var eventWithHugeValue = new JObject { ["type"] = "event", ["name"] = "x", ["value"] = new string('a', 40 * 1024) };

        using var response = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, huge);

        using var eventResponse = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, eventWithHugeValue);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, eventResponse.StatusCode);
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, token);
        Assert.Single(activities);
    }
}
