using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace RegionBot.Tests.Support;

/// <summary>
/// A Bot Framework channel's Connector service on a real Kestrel server on 127.0.0.1, standing at the
/// serviceUrl of the activities a test posts, as the Emulator does: it records every activity the bot sends back.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();

    private FakeChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyCollection<ReceivedActivity> Received => _received;

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (string conversationId, string replyToId, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            channel._received.Enqueue(new ReceivedActivity(request.Path, conversationId, replyToId, body));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        channel.ServiceUrl = address.TrimEnd('/') + "/";
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One Connector call the bot made: where it posted, and the activity it sent.</summary>
public sealed record ReceivedActivity(string Path, string ConversationId, string ReplyToId, JObject Activity);
