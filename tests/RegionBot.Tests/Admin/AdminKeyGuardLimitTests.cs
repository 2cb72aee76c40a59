using Microsoft.Extensions.Time.Testing;
using RegionBot.Admin;

namespace RegionBot.Tests.Admin;

/// <summary>
/// The admin lockout by the clock alone: an address recovers one try a minute, and however many addresses guess, the
/// guard remembers a bounded number of them.
/// </summary>
public sealed class AdminKeyGuardLimitTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_locked_out_address_gets_one_more_try_a_minute_later_and_no_sooner()
    {
        var guard = new AdminKeyGuard(clock);
        for (var attempt = 0; attempt < AdminKeyGuard.FailuresAllowed; attempt++)
        {
            Assert.True(guard.MayTry("127.0.0.2", out _));
            guard.Failed("127.0.0.2");
        }

        Assert.False(guard.MayTry("127.0.0.2", out var retryAfter));
        Assert.Equal(AdminKeyGuard.RecoveryPeriod, retryAfter);
        Assert.True(guard.MayTry("127.0.0.3", out _));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(guard.MayTry("127.0.0.2", out retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(0.999), TimeSpan.FromSeconds(1.001));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(guard.MayTry("127.0.0.2", out _));
        guard.Failed("127.0.0.2");
        Assert.False(guard.MayTry("127.0.0.2", out _));
    }

    [Fact]
    public void Guesses_from_more_addresses_than_it_remembers_forget_the_oldest_first()
    {
        var guard = new AdminKeyGuard(clock);
        for (var attempt = 0; attempt < AdminKeyGuard.FailuresAllowed; attempt++)
        {
            guard.Failed("10.0.0.1");
        }

        Assert.False(guard.MayTry("10.0.0.1", out _));
        for (var i = 0; i < AdminKeyGuard.MaxAddresses; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            guard.Failed("address-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The first address was the oldest of more than the guard keeps, so it is forgotten; the newest is not.
        Assert.True(guard.MayTry("10.0.0.1", out _));
        guard.Failed("address-last");
        for (var attempt = 1; attempt < AdminKeyGuard.FailuresAllowed; attempt++)
        {
            guard.Failed("address-last");
        }

        Assert.False(guard.MayTry("address-last", out _));
    }
}
