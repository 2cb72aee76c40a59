namespace RegionBot.Edge;

/// <summary>
/// Logs requests the edge refuses for who sent them (no valid token, or a serviceUrl the bot may not call) as one
/// warning line without a stack trace, at most once per <see cref="Interval"/>, counting those in between: anyone
/// can send such requests, and a flood of them must not flood the log too.
/// </summary>
internal sealed partial class RejectedRequestLog(TimeProvider time, ILogger<RejectedRequestLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly LogGate _gate = new(time, Interval);

    public void Rejected(string? address, string reason)
    {
        if (_gate.TryPass(out var heldBack))
        {
            LogRejected(address, reason, heldBack);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from {Address}: {Reason} ({HeldBack} more refused since the last such line)")]
    private partial void LogRejected(string? address, string reason, int heldBack);
}
