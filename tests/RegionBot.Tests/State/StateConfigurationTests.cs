using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionBot.State;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.State;

/// <summary>How configuration chooses where conversation state lives.</summary>
public sealed class StateConfigurationTests
{
    [Fact]
    public async Task Without_configuration_state_lives_in_memory()
    {
        await using var bot = new RegionBotFactory();

        Assert.IsType<MemoryStorage>(bot.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void Redis_configured_without_a_connection_stops_the_start_with_a_clear_message()
    {
        // The check that runs at start-up, run on the application's own registrations: through a test host, an
        // entry point failing at start sometimes surfaces as the host's disposal rather than as its own exception.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RegionBot:State:Storage"] = "Redis" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddConversationState(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("RegionBot:State:RedisConnection", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_configured_with_a_connection_keeps_state_in_Redis()
    {
        RedisTestServer.Connect().Dispose();
        await using var bot = new RegionBotFactory()
            .With("RegionBot:State:Storage", "redis")
            .With("RegionBot:State:RedisConnection", RedisTestServer.Connection);

        Assert.IsType<RedisStorage>(bot.Services.GetRequiredService<IStorage>());
    }
}
