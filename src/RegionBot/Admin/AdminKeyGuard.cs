using System.Threading.RateLimiting;

namespace RegionBot.Admin;

/// <summary>
/// Limits wrong admin keys per client address: <see cref="FailuresAllowed"/> failures, then one more try every
/// <see cref="RecoveryPeriod"/>. Until then the address gets 429 without its key being checked, so a key cannot be
/// guessed by trying, even slowly, while the operator with the right key is not held up by anyone else's mistakes.
/// </summary>
public sealed class AdminKeyGuard : IDisposable
{
    public const int FailuresAllowed = 5;

    public static readonly TimeSpan RecoveryPeriod = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = FailuresAllowed,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = RecoveryPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }),
        StringComparer.Ordinal);

    /// <summary>Whether the address may try a key now; when not, how long until it may.</summary>
    public bool MayTry(string address, out TimeSpan retryAfter)
    {
        // Asking for no permit only reports whether the bucket is empty; it takes nothing.
        using var lease = _failures.AttemptAcquire(address, permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : RecoveryPeriod;
        return lease.IsAcquired;
    }

    /// <summary>Counts a wrong key against the address.</summary>
    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
