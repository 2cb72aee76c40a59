using Microsoft.Extensions.Options;

namespace RegionBot.Bot;

/// <summary>
/// Bounds the bot's Connector calls: at most <see cref="OutboundOptions.MaxConcurrentCalls"/> in flight, at most
/// <see cref="OutboundOptions.MaxConcurrentCallsPerService"/> to one service, each within
/// <see cref="OutboundOptions.Timeout"/>, and in anonymous mode only to the serviceUrls
/// <see cref="ServiceUrlPolicy"/> allows. A call beyond a bound fails at once rather than waiting, so a service that
/// never answers holds a fixed number of sockets for a few seconds, and every other turn goes on.
/// </summary>
public sealed partial class OutboundCallLimiter(
    IOptions<OutboundOptions> options,
    ServiceUrlPolicy policy,
    OutboundCallSlots slots,
    ILogger<OutboundCallLimiter> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!policy.IsAllowed(uri))
        {
            if (slots.Log.TryPass(out var heldBack))
            {
                LogRefusedService(uri.Host, heldBack);
            }

            throw new HttpRequestException($"The bot does not call {uri.Host} in anonymous mode.");
        }

        var service = uri.GetLeftPart(UriPartial.Authority);
        if (!slots.TryEnter(service))
        {
            if (slots.Log.TryPass(out var heldBack))
            {
                LogTooMany(service, heldBack);
            }

            throw new HttpRequestException("Too many Connector calls are in flight; this one was not made.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            try
            {
                return await base.SendAsync(request, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (slots.Log.TryPass(out var heldBack))
                {
                    LogTimedOut(service, options.Value.Timeout, heldBack);
                }

                throw new HttpRequestException($"The Connector call to {service} took longer than {options.Value.Timeout}.");
            }
        }
        finally
        {
            slots.Leave(service);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Connector call to {Host}: not an allowed serviceUrl host in anonymous mode ({HeldBack} more Connector problems since the last such line)")]
    private partial void LogRefusedService(string host, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Connector call to {Service}: too many calls in flight ({HeldBack} more Connector problems since the last such line)")]
    private partial void LogTooMany(string service, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Connector call to {Service} timed out after {Timeout} ({HeldBack} more Connector problems since the last such line)")]
    private partial void LogTimedOut(string service, TimeSpan timeout, int heldBack);
}
