using System.Net;
using System.Net.WebSockets;

namespace RegionBot.Tests.DirectLine;

/// <summary>The "DirectLine" configuration section changes how the local Direct Line behaves.</summary>
public sealed class DirectLineOptionsTests : OwnBotTest
{
    public DirectLineOptionsTests()
        : base(
            ("DirectLine:MaxConversations", "2"),
            ("DirectLine:KeepAliveInterval", "00:00:00.200"),
            ("DirectLine:TokenLifetime", "00:10:00"))
    {
    }

    [Fact]
    public async Task Past_the_conversation_limit_a_new_conversation_closes_the_least_recently_active_one()
    {
        var (first, firstToken, _) = await Client.StartConversationAsync();
        Bot.Time.Advance(TimeSpan.FromSeconds(1));
        var (second, secondToken, _) = await Client.StartConversationAsync();
        Bot.Time.Advance(TimeSpan.FromSeconds(1));
        await Client.GetActivitiesAsync(first, firstToken);
        Bot.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await Client.GenerateTokenAsync();

        using var opened = await Client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)third["token"]!);

        // The newcomer gets in; the conversation nobody used for longest (the second) made way.
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(600, (int)third["expires_in"]!);
        using var evicted = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{second}/activities", secondToken);
        Assert.Equal(HttpStatusCode.NotFound, evicted.StatusCode);
        var (activities, _) = await Client.GetActivitiesAsync(first, firstToken);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task An_idle_stream_gets_empty_keep_alive_messages()
    {
        var (_, _, started) = await Client.StartConversationAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), timeout.Token);
        await LocalDirectLineStreamTests.ReceiveActivitySetAsync(socket, timeout.Token);

        var next = await LocalDirectLineStreamTests.ReceiveTextAsync(socket, timeout.Token);

        Assert.Equal(string.Empty, next);
    }
}
