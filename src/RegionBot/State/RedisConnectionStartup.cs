using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RegionBot.State;

/// <summary>
/// Opens the Redis connection while the bot starts, when conversation state lives in Redis, so the first user does
/// not wait for the connection (nor, with Redis down, for the attempt to fail) before the reply or the apology.
/// </summary>
internal sealed class RedisConnectionStartup(IServiceProvider services, IOptions<StateOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Storage == StateStorage.Redis)
        {
            // A failed connection is not fatal: the multiplexer keeps reconnecting and readiness reports Redis.
            services.GetRequiredService<IConnectionMultiplexer>();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
