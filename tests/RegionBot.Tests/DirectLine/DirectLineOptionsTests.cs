using System.Net;
using System.Net.WebSockets;
using Newtonsoft.Json.Linq;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>The "DirectLine" configuration section changes how the local Direct Line behaves.</summary>
public sealed class DirectLineOptionsTests : IDisposable
{
    private readonly KestrelBotFactory _bot;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _directLine;

    public DirectLineOptionsTests()
    {
        _bot = new KestrelBotFactory();
        _bot.With("DirectLine:MaxConversations", "2")
            .With("DirectLine:KeepAliveInterval", "00:00:00.200")
            .With("DirectLine:TokenLifetime", "00:10:00");
        _bot.Start();
        _http = _bot.NewClient();
        _directLine = new DirectLineTestClient(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _bot.Dispose();
    }

    [Fact]
    public async Task Past_the_conversation_limit_a_new_conversation_gets_429_and_open_ones_keep_working()
    {
        var (first, firstToken, _) = await _directLine.StartConversationAsync();
        await _directLine.StartConversationAsync();
        var third = await _directLine.GenerateTokenAsync();

        using var refused = await _directLine.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)third["token"]!);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(600, (int)third["expires_in"]!);
        var (activities, _) = await _directLine.GetActivitiesAsync(first, firstToken);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task An_idle_stream_gets_empty_keep_alive_messages()
    {
        var (_, _, started) = await _directLine.StartConversationAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), timeout.Token);
        await LocalDirectLineStreamTests.ReceiveActivitySetAsync(socket, timeout.Token);

        var next = await LocalDirectLineStreamTests.ReceiveTextAsync(socket, timeout.Token);

        Assert.Equal(string.Empty, next);
    }
}
