using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegionBot.Configuration;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Configuration;

/// <summary>
/// An operator who still sets a setting under its old name (before each options class got its own section) is told
/// the new name when the bot starts, instead of the setting being silently ignored.
/// </summary>
public sealed class MovedSettingsTests
{
    [Fact]
    public async Task An_old_setting_name_stops_the_start_and_names_the_new_one()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RegionBot:Storage"] = "Redis", ["RegionBot:AdminKey"] = "x" })
            .Build();
        var check = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddRegionBotHostChecks().BuildServiceProvider()
            .GetServices<IHostedService>().Single();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));

        Assert.Contains("RegionBot:Storage is now RegionBot:State:Storage", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RegionBot:AdminKey is now RegionBot:Reload:AdminKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_names_start_the_bot()
    {
        await using var bot = new RegionBotFactory().With("RegionBot:State:Storage", "Memory").With("RegionBot:Feedback:FeedbackPath", Path.GetTempFileName());
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");

        Assert.True(health.IsSuccessStatusCode);
    }
}
