using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.DirectLine;
using RegionBot.Tests.Support;
using Xunit.Abstractions;

namespace RegionBot.Tests.DirectLine;

/// <summary>Memory measurements are only meaningful while no other test allocates in the same process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}

/// <summary>
/// The hostile probe's Direct Line flood against the real bot on Kestrel: the process stays within a stated memory
/// budget while a normal visitor keeps getting answers.
/// </summary>
[Collection(MemoryMeasurement.Name)]
public sealed class DirectLineMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// What the flood may add to the managed heap: the store's default budget (32 MB of activity JSON) and the
    /// objects around it, with room to spare. Without the bounds the probe's flood added over 600 MB.
    /// </summary>
    private const long ManagedBudgetBytes = 100L * 1024 * 1024;

    private const string Question = "Does Kazakhstan recognise the Taliban?";

    [Fact]
    public async Task A_direct_line_flood_keeps_memory_within_budget_while_a_visitor_is_answered()
    {
        // Only the message limits are raised, so that every flooding message gets in; the memory bounds are the defaults.
        using var bot = new KestrelBotFactory()
            .With("Limits:PerClient:Burst", "1000000")
            .With("Limits:PerClient:PerSecond", "1000000")
            .With("Limits:PerConversation:Burst", "1000000")
            .With("Limits:PerConversation:PerSecond", "1000000");
        bot.Start();
        var conversations = bot.Services.GetRequiredService<LocalConversations>();
        using var visitorHttp = LoopbackAddressClient.From(LoopbackAddressClient.Address(5), bot.BaseAddress);
        var visitor = new DirectLineTestClient(visitorHttp);
        var (visitorConversation, visitorToken, _) = await visitor.StartConversationAsync();
        await visitor.PostMessageAsync(visitorConversation, visitorToken, Question);
        var (managedBefore, workingSetBefore) = Measure();

        // The probe's flood as it was: 500 messages of 250 KB into one conversation. Each is refused unread.
        using var floodHttp = LoopbackAddressClient.From(LoopbackAddressClient.Address(2), bot.BaseAddress);
        var flood = new DirectLineTestClient(floodHttp);
        var (first, firstToken, _) = await flood.StartConversationAsync();
        var huge = Message(new string('x', 250 * 1024));
        for (var i = 0; i < 500; i++)
        {
            using var response = await flood.SendAsync(HttpMethod.Post, Activities(first), firstToken, huge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        // The strongest flood the limits allow: from four addresses, 20 conversations each (their cap), each sent
        // 60 events of 30 KB, the largest activity accepted: 140 MB offered, against a 32 MB store.
        var offered = 0L;
        var visitorAnswers = 0;
        var floods = new[] { 2, 3, 4, 6 }.Select(address => Task.Run(async () =>
        {
            using var http = LoopbackAddressClient.From(LoopbackAddressClient.Address(address), bot.BaseAddress);
            var client = new DirectLineTestClient(http);
            var bulky = Event(30 * 1024 - 200);
            var bytes = Encoding.UTF8.GetByteCount(bulky.ToString());
            for (var c = 0; c < 20; c++)
            {
                var (conversationId, token, _) = await client.StartConversationAsync();
                for (var i = 0; i < 60; i++)
                {
                    using var response = await client.SendAsync(HttpMethod.Post, Activities(conversationId), token, bulky);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Interlocked.Add(ref offered, bytes);

                    // The test's clock stands still unless moved; moving it orders the conversations by activity.
                    bot.Time.Advance(TimeSpan.FromMilliseconds(1));
                }

                // Reading everything back at once is capped too, and the watermark leads on to the rest.
                using var all = await client.SendAsync(HttpMethod.Get, Activities(conversationId), token);
                Assert.Equal(HttpStatusCode.OK, all.StatusCode);
                Assert.True((await all.Content.ReadAsByteArrayAsync()).Length <= 256 * 1024 + 1024, "A GET answer is capped at 256 KB.");
            }
        })).ToList();

        // Meanwhile the visitor keeps asking and is answered.
        while (floods.Any(f => !f.IsCompleted))
        {
            var id = await visitor.PostMessageAsync(visitorConversation, visitorToken, Question);
            var (activities, _) = await visitor.GetActivitiesAsync(visitorConversation, visitorToken);
            Assert.Contains(activities, a => (string?)a["replyToId"] == id && (string)a["type"]! == "message");
            visitorAnswers++;

            // Within a conversation's own rate limit (2 a second), however long the flood takes on a busy machine.
            await Task.Delay(600);
        }

        await Task.WhenAll(floods);
        var (managedAfter, workingSetAfter) = Measure();
        output.WriteLine($"Offered {offered / 1048576.0:F0} MB; the store holds {conversations.Bytes / 1048576.0:F1} MB in {conversations.Count} conversations.");
        output.WriteLine($"Managed heap {managedBefore / 1048576.0:F0} -> {managedAfter / 1048576.0:F0} MB; working set {workingSetBefore / 1048576.0:F0} -> {workingSetAfter / 1048576.0:F0} MB; visitor answered {visitorAnswers} times.");

        Assert.True(offered > 4 * 32L * 1024 * 1024, "The flood offers several times the store's budget.");
        Assert.InRange(conversations.Bytes, 1, 32L * 1024 * 1024);
        Assert.True(managedAfter - managedBefore < ManagedBudgetBytes, $"The flood added {(managedAfter - managedBefore) / 1048576.0:F0} MB to the managed heap.");
        Assert.True(visitorAnswers > 0);
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }

    private static string Activities(string conversationId) => $"/v3/directline/conversations/{conversationId}/activities";

    private static JObject Message(string text) => new() { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "flood" } };

    private static JObject Event(int size) => new()
    {
        ["type"] = "event",
        ["name"] = "flood",
        ["value"] = new string('v', size),
        ["from"] = new JObject { ["id"] = "flood" },
    };
}
