namespace RegionBot.Admin;

/// <summary>
/// Limits wrong admin keys per client address: <see cref="FailuresAllowed"/> failures, then one more try every
/// <see cref="RecoveryPeriod"/>. Until then the address gets 429 without its key being checked, so a key cannot be
/// guessed by trying, even slowly, while the operator with the right key is not held up by anyone else's mistakes.
/// </summary>
/// <remarks>
/// Each address has a bucket of tries that refills one try per period, computed from the time of its last failure,
/// so the lockout depends only on the clock and not on when a timer last ran. At most <see cref="MaxAddresses"/>
/// addresses are remembered: past that, those that have recovered fully are forgotten first, then the oldest.
/// </remarks>
public sealed class AdminKeyGuard(TimeProvider time)
{
    public const int FailuresAllowed = 5;

    public const int MaxAddresses = 10_000;

    public static readonly TimeSpan RecoveryPeriod = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Tries> _byAddress = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Whether the address may try a key now; when not, how long until it may.</summary>
    public bool MayTry(string address, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var left = _byAddress.TryGetValue(address, out var tries) ? tries.LeftAt(now) : FailuresAllowed;
            retryAfter = left >= 1 ? TimeSpan.Zero : RecoveryPeriod * (1 - left);
            return left >= 1;
        }
    }

    /// <summary>Counts a wrong key against the address.</summary>
    public void Failed(string address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var left = _byAddress.TryGetValue(address, out var tries) ? tries.LeftAt(now) : FailuresAllowed;
            if (tries is null && _byAddress.Count >= MaxAddresses)
            {
                Forget(now);
            }

            _byAddress[address] = new Tries(Math.Max(0, left - 1), now);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (address, tries) in _byAddress)
        {
            if (tries.LeftAt(now) >= FailuresAllowed)
            {
                _byAddress.Remove(address);
            }
        }

        if (_byAddress.Count >= MaxAddresses)
        {
            _byAddress.Remove(_byAddress.MinBy(entry => entry.Value.At).Key);
        }
    }

    /// <summary>The tries an address had left at a moment; they refill at one per <see cref="RecoveryPeriod"/>.</summary>
    private sealed record Tries(double Left, DateTimeOffset At)
    {
        public double LeftAt(DateTimeOffset now) => Math.Min(FailuresAllowed, Left + ((now - At) / RecoveryPeriod));
    }
}
