namespace RegionBot.Edge;

/// <summary>
/// Logs requests the edge refuses for who sent them (no valid token, or a serviceUrl the bot may not call) as one
/// warning line without a stack trace, at most once per <see cref="Interval"/>, counting those in between: anyone
/// can send such requests, and a flood of them must not flood the log too.
/// </summary>
internal sealed partial class RejectedRequestLog(TimeProvider time, ILogger<RejectedRequestLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private DateTimeOffset _nextLog = DateTimeOffset.MinValue;
    private int _suppressed;

    public void Rejected(string? address, string reason)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _nextLog)
            {
                _suppressed++;
                return;
            }

            suppressed = _suppressed;
            _suppressed = 0;
            _nextLog = now + Interval;
        }

        LogRejected(address, reason, suppressed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from {Address}: {Reason} ({Suppressed} more refused since the last such line)")]
    private partial void LogRejected(string? address, string reason, int suppressed);
}
