using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.DirectLine;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>
/// Several web chat visitors at once, each from their own loopback address on a real Kestrel server: one address
/// cannot lock the others out, each is limited on their own, and a limited message is answered 429 where the
/// visitor's client can send it again.
/// </summary>
public sealed class DirectLineVisitorTests
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";

    [Fact]
    public async Task After_one_address_floods_conversations_a_visitor_from_another_address_still_chats()
    {
        using var bot = new KestrelBotFactory()
            .With("DirectLine:MaxConversations", "30")
            .With("Limits:PerClient:Burst", "100000")
            .With("Limits:PerClient:PerSecond", "100000");
        bot.Start();
        var conversations = bot.Services.GetRequiredService<LocalConversations>();

        // One address opens 60 conversations, three times its cap of 20: its oldest make way for its newest.
        await FloodAsync(bot, flooder: 2, conversations: 60);
        Assert.Equal(20, conversations.Count);

        // A second address does the same: together they reach the store's cap (30), and the least recently active
        // conversations make way.
        await FloodAsync(bot, flooder: 4, conversations: 60);
        Assert.Equal(30, conversations.Count);

        using var visitorHttp = LoopbackAddressClient.From(LoopbackAddressClient.Address(3), bot.BaseAddress);
        var visitor = new DirectLineTestClient(visitorHttp);
        var (conversationId, token, _) = await visitor.StartConversationAsync();
        var id = await visitor.PostMessageAsync(conversationId, token, Question);

        var (activities, _) = await visitor.GetActivitiesAsync(conversationId, token);
        Assert.Contains(activities, a => (string)a["type"]! == "message" && (string?)a["replyToId"] == id);
        Assert.Equal(30, conversations.Count);
    }

    [Fact]
    public async Task Refreshing_a_token_does_not_keep_a_conversation_past_its_maximum_age()
    {
        using var bot = new KestrelBotFactory().With("DirectLine:MaxConversationAge", "01:00:00");
        bot.Start();
        using var http = bot.NewClient();
        var client = new DirectLineTestClient(http);
        var (conversationId, token, _) = await client.StartConversationAsync();

        // Web Chat refreshes every quarter hour while the page is open; that keeps it going up to the maximum age.
        for (var i = 0; i < 3; i++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(15));
            using var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            token = (string)JObject.Parse(await refreshed.Content.ReadAsStringAsync())["token"]!;
        }

        bot.Time.Advance(TimeSpan.FromMinutes(16));
        using var refusedRefresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        using var gone = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);

        Assert.Equal(HttpStatusCode.Forbidden, refusedRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Visitors_within_their_own_limits_are_all_answered_however_many_share_the_server()
    {
        // The probe's limits: with every web chat turn charged to the server's own address, two busy visitors
        // made a third one's messages fail.
        using var bot = new KestrelBotFactory()
            .With("Limits:PerClient:Burst", "20")
            .With("Limits:PerClient:PerSecond", "10");
        bot.Start();

        var visitors = await Task.WhenAll(new[] { 2, 3, 4 }.Select(async address =>
        {
            using var http = LoopbackAddressClient.From(LoopbackAddressClient.Address(address), bot.BaseAddress);
            var client = new DirectLineTestClient(http);
            var (conversationId, token, _) = await client.StartConversationAsync();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Message(Question));
                statuses.Add(response.StatusCode);
                await Task.Delay(150);
            }

            var (activities, _) = await client.GetActivitiesAsync(conversationId, token);
            return (statuses, answers: activities.Count(a => (string)a["type"]! == "message" && (string)a["from"]!["id"]! == "regionbot" && a["replyToId"] is not null));
        }));

        Assert.All(visitors, v => Assert.All(v.statuses, status => Assert.Equal(HttpStatusCode.OK, status)));
        Assert.All(visitors, v => Assert.Equal(8, v.answers));
    }

    [Fact]
    public async Task A_message_over_its_conversations_limit_gets_429_with_retry_after_and_can_be_sent_again()
    {
        using var bot = new KestrelBotFactory()
            .With("Limits:PerConversation:Burst", "2")
            .With("Limits:PerConversation:PerSecond", "1");
        bot.Start();
        using var http = bot.NewClient();
        var client = new DirectLineTestClient(http);
        var (conversationId, token, _) = await client.StartConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        HttpResponseMessage? limited = null;
        var accepted = 0;
        for (var i = 0; i < 4 && limited is null; i++)
        {
            var response = await client.SendAsync(HttpMethod.Post, path, token, Message("help"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                accepted++;
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            var retryAfter = limited.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1), "A limited message says when to send it again.");
            // The limited message was not added to the conversation, so Web Chat does not show it as sent.
            var (before, _) = await client.GetActivitiesAsync(conversationId, token);
            Assert.Equal(accepted, before.Count(a => (string?)a["text"] == "help" && (string)a["from"]!["id"]! != "regionbot"));

            await Task.Delay(retryAfter!.Value + TimeSpan.FromMilliseconds(200));
        }

        var id = await client.PostMessageAsync(conversationId, token, Question);
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token);
        Assert.Contains(activities, a => (string?)a["replyToId"] == id && (string)a["type"]! == "message");
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_gets_413_that_says_why_and_a_long_question_within_it_is_answered()
    {
        using var bot = new KestrelBotFactory().Start();
        using var http = bot.NewClient();
        var client = new DirectLineTestClient(http);
        var (conversationId, token, _) = await client.StartConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        using var tooLong = await client.SendAsync(HttpMethod.Post, path, token, Message(new string('a', 4001)));
        var withinLimit = Question + " " + new string('x', 4000 - Question.Length - 1);
        var id = await client.PostMessageAsync(conversationId, token, withinLimit);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        var error = JObject.Parse(await tooLong.Content.ReadAsStringAsync())["error"]!;
        Assert.Equal("MessageSizeTooBig", (string)error["code"]!);
        Assert.Contains("4,000 characters", (string)error["message"]!, StringComparison.Ordinal);
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token);
        Assert.DoesNotContain(activities, a => ((string?)a["text"])?.StartsWith("aaaa", StringComparison.Ordinal) == true);
        Assert.Contains(activities, a => (string?)a["replyToId"] == id && (string)a["type"]! == "message");
    }

    private static async Task FloodAsync(KestrelBotFactory bot, int flooder, int conversations)
    {
        using var http = LoopbackAddressClient.From(LoopbackAddressClient.Address(flooder), bot.BaseAddress);
        var client = new DirectLineTestClient(http);
        for (var i = 0; i < conversations; i++)
        {
            await client.StartConversationAsync();
            bot.Time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    private static JObject Message(string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JObject { ["id"] = "someone" },
    };
}
