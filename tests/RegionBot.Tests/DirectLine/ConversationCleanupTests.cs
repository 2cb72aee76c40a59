using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.DirectLine;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>Local conversations do not live forever: idle ones are released, and each keeps a bounded history.</summary>
public sealed class ConversationCleanupTests : IDisposable
{
    private readonly KestrelBotFactory _bot;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _directLine;

    public ConversationCleanupTests()
    {
        _bot = new KestrelBotFactory();
        _bot.With("DirectLine:ConversationIdleTimeout", "00:05:00")
            .With("DirectLine:CleanupInterval", "00:01:00")
            .With("DirectLine:MaxActivitiesPerConversation", "3");
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
    public async Task An_idle_conversation_is_removed_and_its_stream_closed_while_an_active_one_stays()
    {
        var (idle, idleToken, started) = await _directLine.StartConversationAsync();
        var (active, activeToken, _) = await _directLine.StartConversationAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), timeout.Token);
        await LocalDirectLineStreamTests.ReceiveActivitySetAsync(socket, timeout.Token);

        _bot.Time.Advance(TimeSpan.FromMinutes(3));
        await _directLine.PostMessageAsync(active, activeToken, "help");
        _bot.Time.Advance(TimeSpan.FromMinutes(3));

        var conversations = _bot.Services.GetRequiredService<LocalConversations>();
        while (conversations.Find(idle) is not null)
        {
            await Task.Delay(50, timeout.Token);
        }

        using var gone = await _directLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{idle}/activities", idleToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await ReceiveUntilClosedAsync(socket, timeout.Token));
        var (activities, _) = await _directLine.GetActivitiesAsync(active, activeToken);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_latest_activities_while_the_watermark_counts_on()
    {
        var (conversationId, token, _) = await _directLine.StartConversationAsync();
        await _directLine.PostMessageAsync(conversationId, token, "help");
        var lastQuestion = await _directLine.PostMessageAsync(conversationId, token, "Does Kazakhstan recognise the Taliban?");

        var (activities, watermark) = await _directLine.GetActivitiesAsync(conversationId, token);

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
