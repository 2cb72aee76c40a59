using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RegionBot.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers Bot Framework conversation state over the configured storage: in memory by default, or Redis when
    /// <c>RegionBot:State:Storage</c> is "Redis" (with <c>RegionBot:State:RedisConnection</c>), so several instances
    /// share it. With Redis, readiness (<c>/healthz</c>) also reports whether Redis answers.
    /// </summary>
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .Validate(
                o => o.Storage != StateStorage.Redis || !string.IsNullOrWhiteSpace(o.RedisConnection),
                "RegionBot:State:Storage is Redis, so RegionBot:State:RedisConnection must name the Redis server (for example 127.0.0.1:6379).")
            .Validate(o => o.RedisStateTimeToLive > TimeSpan.Zero, "RegionBot:State:RedisStateTimeToLive must be positive, for example 30.00:00:00.")
            .Validate(
                o => o.RedisConnectTimeout > TimeSpan.Zero && o.RedisOperationTimeout > TimeSpan.Zero,
                "RegionBot:State:RedisConnectTimeout and RedisOperationTimeout must be positive, for example 00:00:01.")
            .ValidateOnStart();

        // The connection is only opened when Redis is configured. It does not abort when the server is down at
        // start-up: it keeps reconnecting, and turns fail (with the adapter's apology) until Redis is back. While it
        // is disconnected, commands fail at once instead of queueing until their timeout, so the user hears at once.
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
            var redis = ConfigurationOptions.Parse(options.RedisConnection!);
            redis.AbortOnConnectFail = false;
            redis.BacklogPolicy = BacklogPolicy.FailFast;
            redis.ConnectTimeout = (int)options.RedisConnectTimeout.TotalMilliseconds;
            redis.SyncTimeout = (int)options.RedisOperationTimeout.TotalMilliseconds;
            redis.AsyncTimeout = (int)options.RedisOperationTimeout.TotalMilliseconds;
            redis.ConnectRetry = 1;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddHostedService<RedisConnectionStartup>();
        services.AddSingleton<IStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
            return options.Storage == StateStorage.Redis
                ? new RedisStorage(provider.GetRequiredService<IConnectionMultiplexer>(), options.RedisKeyPrefix, options.RedisStateTimeToLive)
                : new MemoryStorage();
        });
        services.AddSingleton<ConversationState>();

        // Decided when the health checks are first used, from the bound options, so that every configuration source
        // (including a test host's) counts.
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<StateOptions>>((health, state) =>
        {
            if (state.Value.Storage == StateStorage.Redis)
            {
                health.Registrations.Add(new HealthCheckRegistration(
                    RedisHealthCheck.Name,
                    provider => new RedisHealthCheck(provider.GetRequiredService<IConnectionMultiplexer>()),
                    HealthStatus.Unhealthy,
                    ["ready"],
                    state.Value.RedisConnectTimeout + state.Value.RedisOperationTimeout));
            }
        });
        return services;
    }
}
