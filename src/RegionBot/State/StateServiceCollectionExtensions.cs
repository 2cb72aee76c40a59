using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RegionBot.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers Bot Framework conversation state over the configured storage: in memory by default, or Redis when
    /// <c>RegionBot:Storage</c> is "Redis" (with <c>RegionBot:RedisConnection</c>), so several instances share it.
    /// </summary>
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .Validate(
                o => o.Storage != StateStorage.Redis || !string.IsNullOrWhiteSpace(o.RedisConnection),
                "RegionBot:Storage is Redis, so RegionBot:RedisConnection must name the Redis server (for example 127.0.0.1:6379).")
            .Validate(o => o.RedisStateTimeToLive > TimeSpan.Zero, "RegionBot:RedisStateTimeToLive must be positive, for example 30.00:00:00.")
            .ValidateOnStart();

        // The connection is only opened when Redis is configured. It does not abort when the server is down at
        // start-up: it keeps reconnecting, and turns fail (with the adapter's apology) until Redis is back.
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
            var redis = ConfigurationOptions.Parse(options.RedisConnection!);
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddSingleton<IStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
            return options.Storage == StateStorage.Redis
                ? new RedisStorage(provider.GetRequiredService<IConnectionMultiplexer>(), options.RedisKeyPrefix, options.RedisStateTimeToLive)
                : new MemoryStorage();
        });
        services.AddSingleton<ConversationState>();
        return services;
    }
}
