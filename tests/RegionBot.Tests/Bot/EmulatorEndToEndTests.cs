using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// The Emulator's round trip over real sockets: the bot runs on Kestrel, a fake channel runs on Kestrel at the
/// activity's serviceUrl, and the bot's reply must arrive there through the Bot Connector REST API.
/// </summary>
public sealed class EmulatorEndToEndTests
{
    private const string Question = "How did Kyrgyzstan respond to the Taliban?";

    [Fact]
    public async Task The_reply_reaches_the_channel_through_the_Connector_API()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = new RegionBotFactory();
        bot.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        bot.StartServer();
        using var client = bot.CreateClient();
        var activity = ActivityJson.Message(Question, serviceUrl: channel.ServiceUrl);
        var conversationId = (string)activity["conversation"]!["id"]!;
        var activityId = (string)activity["id"]!;

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = bot.Services.GetRequiredService<KnowledgeStore>().Search(Question);
        Assert.True(expected.HasAnswer);
        var received = channel.Received.ToArray();
        Assert.Equal(["typing", "message"], received.Select(r => (string)r.Activity["type"]!));
        var reply = received[1];
        Assert.Equal($"/v3/conversations/{conversationId}/activities/{activityId}", reply.Path);
        Assert.Equal(AnswerText.Format(expected), (string)reply.Activity["text"]!);
        Assert.Equal(activityId, (string)reply.Activity["replyToId"]!);
        Assert.Equal(ActivityJson.UserId, (string)reply.Activity["recipient"]!["id"]!);
    }
}
