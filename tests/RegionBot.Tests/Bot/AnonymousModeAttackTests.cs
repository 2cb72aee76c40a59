using System.Diagnostics;
using System.Net;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Tests.DirectLine;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// Anonymous (Emulator) mode under the attacks of the hostile probe: nobody vouches for an activity's serviceUrl,
/// so a sender can try to aim the bot's replies at a service that never answers, at another host, or at the bot's
/// own web chat; and can list thousands of new members. Each attack must fail safely.
/// </summary>
public sealed class AnonymousModeAttackTests
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";

    /// <summary>Generous for one turn or health check on a loaded test machine, and far below a tarpit's hold.</summary>
    private static readonly TimeSpan Responsive = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_tarpit_flood_leaves_health_checks_and_ordinary_turns_answering()
    {
        await using var tarpit = new Tarpit();
        await using var channel = await FakeChannel.StartAsync();
        using var bot = new KestrelBotFactory().With("Outbound:Timeout", "00:00:20");
        bot.Start();
        using var attacker = bot.NewClient();
        using var user = bot.NewClient();
        using (var warmUp = await user.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies"))))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        // 300 activities at once, each in its own conversation, each asking the bot to reply to the tarpit. They ask
        // for help, whose reply needs no search, so that what is measured is the tarpit's hold, not the CPU of 300 turns.
        var flood = Enumerable.Range(0, 300)
            .Select(_ => attacker.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message("help", serviceUrl: tarpit.ServiceUrl))))
            .ToList();

        // Once the bot has taken in the whole flood (what a loaded test machine needs CPU for), the tarpit holds at
        // most its bounded share of calls (16 per service: fewer once the first ones time out) and every other
        // flooding turn has already failed fast.
        var waited = Stopwatch.StartNew();
        while (flood.Count(f => f.IsCompleted) + tarpit.OpenNow < flood.Count && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        Assert.InRange(tarpit.OpenNow, 0, 16);

        var health = Stopwatch.StartNew();
        using (var response = await user.GetAsync("/healthz"))
        {
            health.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var expectReplies = Stopwatch.StartNew();
        using (var response = await user.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies"))))
        {
            expectReplies.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(ActivityJson.Replies(await response.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
        }

        // An Emulator user's turn replies through its own Connector service, which still has its own slots.
        var emulator = Stopwatch.StartNew();
        using (var response = await user.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, serviceUrl: channel.ServiceUrl))))
        {
            emulator.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(health.Elapsed < Responsive, $"/healthz took {health.Elapsed} during the flood");
        Assert.True(expectReplies.Elapsed < Responsive, $"a turn took {expectReplies.Elapsed} during the flood");
        Assert.True(emulator.Elapsed < Responsive, $"an Emulator turn took {emulator.Elapsed} during the flood");
        Assert.Contains(channel.Received, r => (string)r.Activity["type"]! == "message");

        // Every flooding request ends with the call timeout (20 s here) instead of being held for minutes, and the
        // tarpit never held more than the per-service bound of connections.
        var all = Task.WhenAll(flood.Cast<Task>());
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(90))));
        foreach (var response in flood.Select(f => f.Result))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.InRange(tarpit.MostOpenAtOnce, 1, 16);
    }

    [Fact]
    public async Task A_conversation_update_listing_two_thousand_members_brings_one_welcome()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var bot = new KestrelBotFactory().Start();
        using var client = bot.NewClient();
        var update = ActivityJson.Message(Question, serviceUrl: channel.ServiceUrl);
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JArray(Enumerable.Range(0, 2000).Select(i => new JObject { ["id"] = $"member-{i}", ["name"] = $"Member {i}" }));

        using var first = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(update));
        update["id"] = Guid.NewGuid().ToString("N");
        using var again = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(update));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var welcome = Assert.Single(channel.Received);
        Assert.Contains("Member 0", (string)welcome.Activity["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serviceUrl_outside_loopback_is_refused_unless_the_replies_come_back_in_the_response()
    {
        using var bot = new KestrelBotFactory().Start();
        using var client = bot.NewClient();

        // 203.0.113.0/24 is reserved for documentation: nothing there is ever contacted.
        using var aimed = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, serviceUrl: "http://203.0.113.7/")));
        using var internalHost = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, serviceUrl: "http://metadata.internal/")));
        using var inResponse = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, serviceUrl: "http://203.0.113.7/", deliveryMode: "expectReplies")));

        Assert.Equal(HttpStatusCode.Forbidden, aimed.StatusCode);
        Assert.Contains("serviceUrl", await aimed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, internalHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inResponse.StatusCode);
        Assert.Contains(ActivityJson.Replies(await inResponse.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
    }

    [Fact]
    public async Task A_message_aimed_at_a_victims_web_chat_never_reaches_it()
    {
        using var bot = new KestrelBotFactory().Start();
        using var http = bot.NewClient();
        var victim = new DirectLineTestClient(http);
        var (conversationId, token, _) = await victim.StartConversationAsync();
        var (before, _) = await victim.GetActivitiesAsync(conversationId, token);
        const string Injected = "Your session expired: log in again at https://evil.example";

        // Straight into the Direct Line's old Connector address, as the bot itself used to reply...
        var forged = new JObject
        {
            ["type"] = "message",
            ["text"] = Injected,
            ["from"] = new JObject { ["id"] = "regionbot", ["role"] = "bot" },
        };
        using var direct = await http.PostAsync(
            $"/v3/directline/connector/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", ActivityJson.Content(forged));

        // ...and through the bot, with the victim's conversation id and the bot's own address as the serviceUrl.
        var throughBot = ActivityJson.Message(Injected, serviceUrl: bot.BaseAddress + "v3/directline/connector/");
        throughBot["channelId"] = "directline";
        throughBot["conversation"] = new JObject { ["id"] = conversationId };
        using var relayed = await http.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(throughBot));

        Assert.True(direct.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"The old Connector address answered {direct.StatusCode}");
        var (after, _) = await victim.GetActivitiesAsync(conversationId, token);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, a => ((string?)a["text"])?.Contains("evil.example", StringComparison.Ordinal) == true);
    }
}
