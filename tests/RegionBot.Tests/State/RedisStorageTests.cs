using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using RegionBot.Feedback;
using RegionBot.Knowledge.Search;
using RegionBot.State;
using RegionBot.Tests.Support;
using StackExchange.Redis;

namespace RegionBot.Tests.State;

/// <summary>The Bot Framework storage contract of <see cref="RedisStorage"/>, against the real redis-server on loopback.</summary>
public sealed class RedisStorageTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private readonly ConnectionMultiplexer _redis = RedisTestServer.Connect();
    private readonly string _prefix = RedisTestServer.UniquePrefix();

    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(2);

    private RedisStorage NewStorage() => new(_redis, _prefix, TimeToLive);

    public void Dispose()
    {
        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: _prefix + "*").ToArray();
        if (keys.Length > 0)
        {
            _redis.GetDatabase().KeyDelete(keys);
        }

        _redis.Dispose();
    }

    [Fact]
    public async Task What_is_written_is_read_back_with_an_eTag_and_deleted_items_are_gone()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new Note { Text = "first", Count = 1 },
            ["b"] = new JObject { ["topic"] = "recognise taliban", ["countries"] = new JArray("Kazakhstan") },
        });

        var items = await storage.ReadAsync(["a", "b", "missing"]);

        Assert.Equal(["a", "b"], items.Keys.Order());
        var a = ((JObject)items["a"]).ToObject<Note>()!;
        Assert.Equal(("first", 1), (a.Text, a.Count));
        Assert.False(string.IsNullOrEmpty(a.ETag));
        var b = (JObject)items["b"];
        Assert.Equal("recognise taliban", (string?)b["topic"]);
        Assert.Equal(["Kazakhstan"], b["countries"]!.Values<string>());

        await storage.DeleteAsync(["a", "missing"]);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"])).Keys);
    }

    [Fact]
    public async Task Another_instance_reads_what_one_wrote()
    {
        using var other = RedisTestServer.Connect();
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["shared"] = new Note { Text = "from A" } });

        var items = await new RedisStorage(other, _prefix, TimeToLive).ReadAsync(["shared"]);

        Assert.Equal("from A", ((JObject)items["shared"]).ToObject<Note>()!.Text);
    }

    [Fact]
    public async Task A_write_with_a_stale_eTag_throws_and_keeps_the_newer_item()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v1" } });
        var read = ((JObject)(await storage.ReadAsync(["item"]))["item"]).ToObject<Note>()!;

        // Instance A writes what it read; instance B, which read the same version, then writes too.
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v2 from A", ETag = read.ETag } });
        var conflict = await Assert.ThrowsAsync<ETagConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v2 from B", ETag = read.ETag } }));

        Assert.Equal("item", conflict.Key);
        var stored = ((JObject)(await storage.ReadAsync(["item"]))["item"]).ToObject<Note>()!;
        Assert.Equal("v2 from A", stored.Text);
        Assert.NotEqual(read.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_write_with_the_current_eTag_succeeds_and_changes_the_eTag()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new JObject { ["text"] = "v1" } });
        var read = (JObject)(await storage.ReadAsync(["item"]))["item"];
        read["text"] = "v2";

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = read });

        var stored = (JObject)(await storage.ReadAsync(["item"]))["item"];
        Assert.Equal("v2", (string?)stored["text"]);
        Assert.NotEqual((string?)read["eTag"], (string?)stored["eTag"]);
    }

    [Fact]
    public async Task Stored_items_expire_after_the_time_to_live_and_each_write_renews_it()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v1" } });
        await _redis.GetDatabase().KeyExpireAsync(_prefix + "item", TimeSpan.FromMinutes(1));

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v2" } });

        var remaining = await _redis.GetDatabase().KeyTimeToLiveAsync(_prefix + "item");
        Assert.NotNull(remaining);
        Assert.InRange(remaining.Value, TimeToLive - TimeSpan.FromMinutes(1), TimeToLive);
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task A_wildcard_or_missing_eTag_overwrites_whatever_is_stored(string? eTag)
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "v2" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "forced", ETag = eTag! } });

        Assert.Equal("forced", ((JObject)(await storage.ReadAsync(["item"]))["item"]).ToObject<Note>()!.Text);
    }

    [Fact]
    public async Task Conversation_state_saved_through_one_instance_is_loaded_by_another()
    {
        using var other = RedisTestServer.Connect();
        var stateA = new ConversationState(NewStorage());
        var stateB = new ConversationState(new RedisStorage(other, _prefix, TimeToLive));
        var adapter = new TestAdapter();
        var activity = Message();

        using (var turnA = new TurnContext(adapter, activity))
        {
            await stateA.CreateProperty<Note>("note").SetAsync(turnA, new Note { Text = "remembered", Count = 3 });
            await stateA.SaveChangesAsync(turnA);
        }

        using var turnB = new TurnContext(adapter, activity);
        var note = await stateB.CreateProperty<Note>("note").GetAsync(turnB, () => new Note());

        Assert.Equal(("remembered", 3), (note.Text, note.Count));
    }

    [Fact]
    public async Task Two_instances_saving_the_same_conversation_at_once_cannot_both_win()
    {
        using var other = RedisTestServer.Connect();
        var stateA = new ConversationState(NewStorage());
        var stateB = new ConversationState(new RedisStorage(other, _prefix, TimeToLive));
        var adapter = new TestAdapter();
        var activity = Message();
        using (var first = new TurnContext(adapter, activity))
        {
            await stateA.CreateProperty<Note>("note").SetAsync(first, new Note { Text = "v1" });
            await stateA.SaveChangesAsync(first);
        }

        // Both instances load version 1, then both save a change: the second save must not silently overwrite.
        using var turnA = new TurnContext(adapter, activity);
        using var turnB = new TurnContext(adapter, activity);
        await stateA.LoadAsync(turnA);
        await stateB.LoadAsync(turnB);
        await stateA.CreateProperty<Note>("note").SetAsync(turnA, new Note { Text = "from A" });
        await stateB.CreateProperty<Note>("note").SetAsync(turnB, new Note { Text = "from B" });
        await stateA.SaveChangesAsync(turnA);

        await Assert.ThrowsAsync<ETagConflictException>(() => stateB.SaveChangesAsync(turnB));
    }

    [Fact]
    public async Task A_turn_whose_state_another_instance_saved_meanwhile_still_answers_and_keeps_the_newer_state()
    {
        var storage = NewStorage();
        const string followUp = "And Tajikistan?";
        var adapter = new TestAdapter();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        var newer = new JObject { ["ConversationMemory"] = new JObject { ["Topic"] = "saved by the other instance" } };
        using var folder = new TempDirectory();
        var feedback = new JsonLinesFeedbackLog(Path.Combine(folder.Path, "feedback.jsonl"));

        // While the follow-up is searched, the other instance saves this conversation.
        var interleaving = new InterleavingSearch(knowledge.Store, followUp, meanwhile: () =>
            storage.WriteAsync(new Dictionary<string, object> { [key] = newer }).GetAwaiter().GetResult());

        await new TestFlow(adapter, TestBots.Handler(interleaving, feedback, storage))
            .Send("Does Kazakhstan recognise the Taliban?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("*Source:", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(followUp)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.StartsWith("*About Tajikistan", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .AssertNoReply("no apology follows the answer", 300)
            .StartTestAsync();

        var stored = (JObject)(await storage.ReadAsync([key]))[key];
        Assert.Equal("saved by the other instance", (string?)stored["ConversationMemory"]!["Topic"]);
    }

    /// <summary>A message in one conversation: conversation state is keyed by channel and conversation id.</summary>
    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: "conversation-1"),
        From = new ChannelAccount("user-1"),
        Recipient = new ChannelAccount("bot"),
        Text = "hello",
    };

    /// <summary>Searches the real store; the first time it is asked the given question, another instance acts first.</summary>
    private sealed class InterleavingSearch(IPassageSearch inner, string trigger, Action meanwhile) : IPassageSearch
    {
        private int _triggered;

        public SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default)
        {
            if (string.Equals(question, trigger, StringComparison.Ordinal) && Interlocked.Exchange(ref _triggered, 1) == 0)
            {
                meanwhile();
            }

            return inner.Search(question, context, mode, cancellationToken);
        }
    }

    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string ETag { get; set; } = null!;
    }
}
