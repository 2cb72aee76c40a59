using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RegionBot.Benchmarks.Support;

/// <summary>
/// Posts message activities to a bot's /api/messages with deliveryMode "expectReplies", so the replies come back
/// in the response body and one HTTP request is one whole turn.
/// </summary>
public static class TurnClient
{
    /// <summary>One client for all connections, with enough pooled connections for the concurrency asked for.</summary>
    public static HttpClient Create(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(connections, 1),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The JSON body of a message activity shaped like the Bot Framework Emulator's, for one conversation.</summary>
    public static byte[] Body(string text, string conversationId) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new Dictionary<string, string> { ["id"] = "user-" + conversationId, ["name"] = "Benchmark", ["role"] = "user" },
        ["recipient"] = new Dictionary<string, string> { ["id"] = "regionbot", ["name"] = "RegionBot", ["role"] = "bot" },
        ["conversation"] = new Dictionary<string, string> { ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = "en-US",
    });

    /// <summary>Sends one turn; throws when the bot does not answer 200 with at least one reply.</summary>
    public static async Task SendAsync(HttpClient client, Uri messages, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(messages, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains("\"activities\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The bot answered {(int)response.StatusCode}: {Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
