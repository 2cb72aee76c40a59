using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;
using RegionBot.Tests.Support;
using StackExchange.Redis;

namespace RegionBot.Tests.State;

/// <summary>
/// Two bot instances behind one Azure Bot Service registration: each is the real application over HTTP, both keep
/// conversation state in the real redis-server, and one conversation moves from one instance to the other.
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";
    private const string FollowUp = "What about Tajikistan?";

    private readonly ConnectionMultiplexer _redis = RedisTestServer.Connect();
    private readonly string _prefix = RedisTestServer.UniquePrefix();
    private readonly TempDirectory _folder = new();
    private RegionBotFactory _instanceA = null!;
    private RegionBotFactory _instanceB = null!;

    public Task InitializeAsync()
    {
        _instanceA = RedisInstance();
        _instanceB = RedisInstance();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _instanceA.DisposeAsync();
        await _instanceB.DisposeAsync();
        var keys = _redis.GetServer(_redis.GetEndPoints()[0]).Keys(pattern: _prefix + "*").ToArray();
        if (keys.Length > 0)
        {
            await _redis.GetDatabase().KeyDeleteAsync(keys);
        }

        _redis.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_follow_up_on_instance_B_continues_the_question_asked_on_instance_A()
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var store = _instanceA.Services.GetRequiredService<KnowledgeStore>();
        var first = store.Search(Question);
        var expected = store.Search(FollowUp, SearchContext.From(first));

        var answerA = await AskAsync(_instanceA, conversationId, Question);
        var answerB = await AskAsync(_instanceB, conversationId, FollowUp);

        Assert.Equal(AnswerText.Format(first), answerA);
        Assert.StartsWith($"*About Tajikistan: {first.Topic}*", answerB, StringComparison.Ordinal);
        Assert.Equal(AnswerText.Format(expected), answerB);
    }

    [Fact]
    public async Task Another_conversation_on_instance_B_does_not_see_that_context()
    {
        await AskAsync(_instanceA, "conv-" + Guid.NewGuid().ToString("N"), Question);

        var answer = await AskAsync(_instanceB, "conv-" + Guid.NewGuid().ToString("N"), FollowUp);

        Assert.DoesNotContain("*About Tajikistan: ", answer, StringComparison.Ordinal);
    }

    private RegionBotFactory RedisInstance() => new RegionBotFactory()
        .With("RegionBot:State:Storage", "Redis")
        .With("RegionBot:State:RedisConnection", RedisTestServer.Connection)
        .With("RegionBot:State:RedisKeyPrefix", _prefix)
        .With("RegionBot:Feedback:FeedbackPath", Path.Combine(_folder.Path, "feedback.jsonl"));

    /// <summary>Posts a message as the channel would and returns the text of the bot's answer.</summary>
    private static async Task<string> AskAsync(RegionBotFactory instance, string conversationId, string text)
    {
        using var client = instance.CreateClient();
        var activity = ActivityJson.Message(text, deliveryMode: "expectReplies");
        activity["conversation"] = new JObject { ["id"] = conversationId };

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = ActivityJson.Replies(await response.Content.ReadAsStringAsync()).Single(reply => (string?)reply["type"] == "message");
        return (string)message["text"]!;
    }
}
