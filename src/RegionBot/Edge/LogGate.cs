namespace RegionBot.Edge;

/// <summary>
/// Lets one log line through per interval and counts the ones held back, for events anyone can cause in bulk
/// (refused requests, refused or failed Connector calls): a flood of them must not flood the log too.
/// </summary>
public sealed class LogGate(TimeProvider time, TimeSpan interval)
{
    private readonly object _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private int _held;

    /// <summary>
    /// Whether to log this occurrence; when true, <paramref name="heldBack"/> is how many were not logged since
    /// the last line.
    /// </summary>
    public bool TryPass(out int heldBack)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _next)
            {
                _held++;
                heldBack = 0;
                return false;
            }

            heldBack = _held;
            _held = 0;
            _next = now + interval;
            return true;
        }
    }
}
