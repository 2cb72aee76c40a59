using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>
/// The WebSocket stream of a local conversation: each message is an activity set {activities, watermark},
/// and an empty message is a keep-alive, as in Azure's Direct Line. Whatever the client sends is ignored
/// (DirectLineJS sends empty messages to notice broken connections).
/// </summary>
public static class LocalDirectLineStream
{
    public static async Task RunAsync(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<DirectLineTokens>();
        var conversations = http.RequestServices.GetRequiredService<LocalConversations>();
        var options = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var conversationId = (string)http.Request.RouteValues["conversationId"]!;

        var check = tokens.Check(http.Request.Query["t"], out var found);
        if (LocalDirectLineEndpoints.Check(check, found, conversationId, out _) is { } denied)
        {
            await denied.ExecuteAsync(http);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await LocalDirectLineEndpoints.Error(System.Net.HttpStatusCode.BadRequest, "BadArgument", "Expected a WebSocket request.").ExecuteAsync(http);
            return;
        }

        var watermark = LocalDirectLineEndpoints.ParseWatermark(http.Request.Query["watermark"]);
        var conversation = conversations.Find(conversationId);
        if (conversation?.Listen(watermark) is not { } messages)
        {
            await LocalDirectLineEndpoints.ConversationNotFound().ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var clientClosed = IgnoreIncomingAsync(socket, stop.Token);
        Task<bool>? nextMessage = null;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                nextMessage ??= messages.WaitToReadAsync(stop.Token).AsTask();
                var keepAlive = Task.Delay(options.KeepAliveInterval, stop.Token);
                var first = await Task.WhenAny(nextMessage, clientClosed, keepAlive);
                if (first == clientClosed)
                {
                    break;
                }

                if (first == keepAlive)
                {
                    await SendAsync(socket, [], stop.Token);
                    continue;
                }

                if (!await nextMessage)
                {
                    // The conversation was closed (it expired or the app is stopping).
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Conversation ended", stop.Token);

                    // Waiting briefly for the client's reply completes the closing handshake, so the client sees a
                    // clean close rather than a dropped connection.
                    await Task.WhenAny(clientClosed, Task.Delay(TimeSpan.FromSeconds(5), stop.Token));
                    break;
                }

                nextMessage = null;
                while (messages.TryRead(out var message))
                {
                    await SendAsync(socket, message, stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the app is stopping; either way this stream is over.
        }
        finally
        {
            conversation.StopListening(messages);
            await stop.CancelAsync();
            await clientClosed;
        }
    }

    private static Task SendAsync(WebSocket socket, byte[] message, CancellationToken ct) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task IgnoreIncomingAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    }

                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // A broken connection counts as closed.
        }
    }
}
