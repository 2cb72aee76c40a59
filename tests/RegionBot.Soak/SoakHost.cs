using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Configuration;

namespace RegionBot.Soak;

/// <summary>
/// The real application on a real Kestrel server on 127.0.0.1 and a free port, over the repository's knowledge,
/// with its rate limits raised: the soak is one client sending as fast as it can, which is what the limits stop.
/// </summary>
public sealed class SoakHost : WebApplicationFactory<Program>
{
    public SoakHost()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address the server listens on, once <see cref="WebApplicationFactory{T}.StartServer"/> has run.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = RepositoryRoot();
        builder.UseContentRoot(root);
        builder.UseEnvironment("Production");
        builder.UseSetting("RegionBot:KnowledgePath", Path.Combine(root, "knowledge"));
        builder.UseSetting("RegionBot:Reload:WatchKnowledge", "false");
        builder.UseSetting("Limits:PerClient:Burst", "1000000");
        builder.UseSetting("Limits:PerClient:PerSecond", "1000000");
        builder.UseSetting("Limits:PerConversation:Burst", "1000000");
        builder.UseSetting("Limits:PerConversation:PerSecond", "1000000");

        // One information line per turn would measure the console, not the bot.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>The repository's root, found the way the app finds its own content root.</summary>
    private static string RepositoryRoot() =>
        RegionBotHost.FindContentRoot()
        ?? throw new InvalidOperationException("Run the soak inside the RegionBot repository: appsettings.json and knowledge/ were not found.");
}
