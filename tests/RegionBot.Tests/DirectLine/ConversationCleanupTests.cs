using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.DirectLine;

namespace RegionBot.Tests.DirectLine;

/// <summary>Local conversations do not live forever: idle ones are released, and each keeps a bounded history.</summary>
public sealed class ConversationCleanupTests : OwnBotTest
{
    public ConversationCleanupTests()
        : base(
            ("DirectLine:ConversationIdleTimeout", "00:05:00"),
            ("DirectLine:CleanupInterval", "00:01:00"),
            ("DirectLine:MaxActivitiesPerConversation", "3"))
    {
    }

    [Fact]
    public async Task An_idle_conversation_is_removed_and_its_stream_closed_while_an_active_one_stays()
    {
        var (idle, idleToken, started) = await Client.StartConversationAsync();
        var (active, activeToken, _) = await Client.StartConversationAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), timeout.Token);
        await LocalDirectLineStreamTests.ReceiveActivitySetAsync(socket, timeout.Token);

        Bot.Time.Advance(TimeSpan.FromMinutes(3));
        await Client.PostMessageAsync(active, activeToken, "help");
        Bot.Time.Advance(TimeSpan.FromMinutes(3));

        var conversations = Bot.Services.GetRequiredService<LocalConversations>();
        while (conversations.Find(idle) is not null)
        {
            await Task.Delay(50, timeout.Token);
        }

        using var gone = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{idle}/activities", idleToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await ReceiveUntilClosedAsync(socket, timeout.Token));
        var (activities, _) = await Client.GetActivitiesAsync(active, activeToken);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_latest_activities_while_the_watermark_counts_on()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        await Client.PostMessageAsync(conversationId, token, "help");
        var lastQuestion = await Client.PostMessageAsync(conversationId, token, "Does Kazakhstan recognise the Taliban?");

        var (activities, watermark) = await Client.GetActivitiesAsync(conversationId, token);

        // The welcome, then for "help" the echo and the reply, then the echo, typing indicator and answer: six in all.
        Assert.Equal("6", watermark);
        Assert.Equal(3, activities.Count);
        Assert.Equal(lastQuestion, (string)activities[0]["id"]!);
        Assert.Equal(lastQuestion, (string)activities[2]["replyToId"]!);
    }

    private static async Task<string?> ReceiveUntilClosedAsync(WebSocket socket, CancellationToken ct)
    {
        while (true)
        {
            var text = await LocalDirectLineStreamTests.ReceiveTextAsync(socket, ct);
            if (text is null || text.Length > 0)
            {
                return text;
            }
        }
    }
}
