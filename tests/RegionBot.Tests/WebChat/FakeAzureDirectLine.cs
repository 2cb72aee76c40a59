using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// Azure Bot Service's Direct Line token endpoint, played by a real server on 127.0.0.1: it accepts one secret,
/// records the calls it gets and hands out a token, so the production token exchange is tested without the internet.
/// </summary>
public sealed class FakeAzureDirectLine : IAsyncDisposable
{
    public const string Secret = "test-direct-line-secret-4f1c";
    public const string IssuedToken = "azure-token-for-one-conversation";
    public const string ConversationId = "azure-conversation-1";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string? Authorization, string Body)> _calls = new();

    private FakeAzureDirectLine(WebApplication app) => _app = app;

    /// <summary>The Direct Line base URL, to configure as DirectLine:Endpoint.</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyCollection<(string? Authorization, string Body)> Calls => _calls;

    public static async Task<FakeAzureDirectLine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAzureDirectLine(app);
        app.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var authorization = request.Headers.Authorization.ToString();
            fake._calls.Enqueue((authorization, await reader.ReadToEndAsync()));
            return authorization == "Bearer " + Secret
                ? Results.Json(new { conversationId = ConversationId, token = IssuedToken, expires_in = 3600 })
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.Endpoint = address.TrimEnd('/') + "/v3/directline";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
