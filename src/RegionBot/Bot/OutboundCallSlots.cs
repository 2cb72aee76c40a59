using Microsoft.Extensions.Options;
using RegionBot.Edge;

namespace RegionBot.Bot;

/// <summary>
/// Counts the Connector calls in flight, in all and per service. One instance per app: the HTTP client factory
/// renews its handlers every few minutes, and the bound must hold across them.
/// </summary>
public sealed class OutboundCallSlots(IOptions<OutboundOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, int> _perService = new(StringComparer.OrdinalIgnoreCase);
    private int _inFlight;

    /// <summary>Refused, failed and timed-out calls are logged at most once per ten seconds, however many there are.</summary>
    public LogGate Log { get; } = new(time, TimeSpan.FromSeconds(10));

    /// <summary>Takes a slot for a call to the service, or returns false when a bound is reached.</summary>
    public bool TryEnter(string service)
    {
        var limits = options.Value;
        lock (_perService)
        {
            var current = _perService.GetValueOrDefault(service);
            if (_inFlight >= limits.MaxConcurrentCalls || current >= limits.MaxConcurrentCallsPerService)
            {
                return false;
            }

            _perService[service] = current + 1;
            _inFlight++;
            return true;
        }
    }

    public void Leave(string service)
    {
        lock (_perService)
        {
            _inFlight--;
            var remaining = _perService[service] - 1;
            if (remaining == 0)
            {
                // Services are forgotten when idle, so the table holds only those with calls in flight.
                _perService.Remove(service);
            }
            else
            {
                _perService[service] = remaining;
            }
        }
    }
}
