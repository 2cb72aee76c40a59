using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RegionBot.Tests.Support;

/// <summary>
/// The real application (real CloudAdapter, real knowledge store over the repository's knowledge/ folder) in a
/// test server, in the Emulator's anonymous mode unless a test configures an app id.
/// </summary>
public class RegionBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["RegionBot:KnowledgePath"] = RepositoryRoot.Knowledge,

        // Each watcher takes one of the user's inotify instances (128 by default on Linux); with many test hosts
        // alive at once they run out. The tests that check reloading on edits switch it back on.
        ["RegionBot:Reload:WatchKnowledge"] = "false",
    };

    /// <summary>Adds a configuration value, as an operator would with an environment variable.</summary>
    public RegionBotFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Path);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The application with a Microsoft App ID configured, as when registered with Azure Bot Service.</summary>
public sealed class RegisteredBotFactory : RegionBotFactory
{
    public const string AppId = "5c7fbd5e-9c2a-4d8e-a6f4-1f0b7e6d2c31";

    public RegisteredBotFactory()
    {
        With("MicrosoftAppType", "MultiTenant");
        With("MicrosoftAppId", AppId);
        With("MicrosoftAppPassword", "not-a-real-secret");
    }
}
