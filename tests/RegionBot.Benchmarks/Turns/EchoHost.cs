using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Bot;
using RegionBot.Configuration;

namespace RegionBot.Benchmarks.Turns;

/// <summary>
/// Hosts <see cref="EchoBot"/> exactly as RegionBot hosts itself (same configuration, adapter, authentication,
/// endpoint and filter) so the two differ only in the bot. Run as <c>echo-host --urls http://127.0.0.1:PORT</c>.
/// </summary>
public static class EchoHost
{
    public const string Command = "echo-host";

    public static int Run(string[] args)
    {
        var builder = WebApplication.CreateBuilder(RegionBotHost.Options(args));
        builder.AddRegionBotConfiguration();
        builder.Services.AddBot();

        // The last registration wins: the endpoint resolves the echo bot instead of RegionBot's handler.
        builder.Services.AddTransient<IBot, EchoBot>();

        var app = builder.Build();
        app.MapBot();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.Run();
        return 0;
    }
}
