using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Replies;

namespace RegionBot.Tests.DirectLine;

/// <summary>The WebSocket stream, as DirectLineJS reads it: activity sets with watermarks, pushed as they happen.</summary>
public sealed class LocalDirectLineStreamTests(RunningBot running) : SharedBotTest(running)
{
    private const string Question = "How did Kyrgyzstan respond to the Taliban?";

    [Fact]
    public async Task The_stream_sends_the_welcome_then_pushes_the_echo_and_the_bots_answer()
    {
        var (conversationId, token, started) = await Client.StartConversationAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), timeout.Token);

        var backlog = await ReceiveActivitySetAsync(socket, timeout.Token);
        Assert.Equal("1", (string)backlog["watermark"]!);
        Assert.Equal(BotMessages.Welcome(null).Text, (string)Assert.Single(backlog["activities"]!)["text"]!);

        var id = await Client.PostMessageAsync(conversationId, token, Question);

        var pushed = new List<JObject>();
        while (!pushed.Any(a => (string?)a["replyToId"] == id && (string)a["type"]! == "message"))
        {
            var set = await ReceiveActivitySetAsync(socket, timeout.Token);
            pushed.AddRange(set["activities"]!.Cast<JObject>());
        }

        Assert.Equal(id, (string)pushed[0]["id"]!);
        Assert.Equal(Question, (string)pushed[0]["text"]!);
        var expected = Bot.Services.GetRequiredService<KnowledgeStore>().Search(Question);
        Assert.Equal(AnswerText.WithCitationLinks(AnswerText.Format(expected), AnswerComposer.FromSearch(expected).Passages), (string)pushed.Last()["text"]!);
    }

    [Fact]
    public async Task A_stream_resumes_after_the_watermark_it_is_given()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        await Client.PostMessageAsync(conversationId, token, Question);
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        var streamUrl = (string)JObject.Parse(await reconnect.Content.ReadAsStringAsync())["streamUrl"]!;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);

        var set = await ReceiveActivitySetAsync(socket, timeout.Token);
        var activities = set["activities"]!;
        Assert.Equal(Question, (string)activities[0]!["text"]!);
        Assert.DoesNotContain(activities, a => (string?)a["text"] == BotMessages.Welcome(null).Text);
    }

    [Fact]
    public async Task A_stream_with_another_conversations_token_is_refused()
    {
        var (mine, _, _) = await Client.StartConversationAsync();
        var (_, othersToken, _) = await Client.StartConversationAsync();
        var url = $"ws://{Bot.BaseAddress.Authority}/v3/directline/conversations/{mine}/stream?t={Uri.EscapeDataString(othersToken)}";
        using var socket = new ClientWebSocket();

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));
    }

    /// <summary>The next non-empty message (empty ones are keep-alives), as an activity set.</summary>
    internal static async Task<JObject> ReceiveActivitySetAsync(WebSocket socket, CancellationToken ct)
    {
        while (true)
        {
            var text = await ReceiveTextAsync(socket, ct);
            if (text is null)
            {
                throw new InvalidOperationException("The stream closed.");
            }

            if (text.Length > 0)
            {
                return JObject.Parse(text);
            }
        }
    }

    /// <summary>The next text message, or null when the server closed the stream.</summary>
    internal static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
