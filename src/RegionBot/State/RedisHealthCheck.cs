using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace RegionBot.State;

/// <summary>
/// Readiness of the Redis that holds conversation state: it answers a PING. Without it every turn fails, so the
/// instance should not be sent users until Redis is back.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {roundTrip.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", failure);
        }
    }
}
