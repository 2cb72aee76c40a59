using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace RegionBot.Bot;

/// <summary>
/// Bot Framework authentication from configuration (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword,
/// MicrosoftAppTenantId), with every failure to validate a caller's token reported as unauthorized.
/// </summary>
/// <remarks>
/// The SDK only signals a missing token with <see cref="UnauthorizedAccessException"/>, which CloudAdapter turns
/// into 401. A forged or expired token instead throws the token handler's own exceptions (bad signature, unknown
/// key, expired), and an unreachable signing-key endpoint throws an HTTP error; CloudAdapter lets those escape as
/// 500. A request whose token cannot be validated is unauthorized whatever the reason, so they become 401 here.
/// <para>The SDK makes its Connector calls with <see cref="ConnectorHttpClients"/>: bounded in time and number.</para>
/// </remarks>
public sealed partial class BotAuthentication(IConfiguration configuration, ConnectorHttpClients connectorClients, ILogger<BotAuthentication> logger)
    : ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: connectorClients, logger: logger)
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(
        Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await base.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (Exception failure) when (IsTokenRejection(failure, cancellationToken))
        {
            LogRejected(failure.GetType().Name, activity?.ChannelId);
            throw new UnauthorizedAccessException("The request's token could not be validated.", failure);
        }
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(
        string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await base.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        }
        catch (Exception failure) when (IsTokenRejection(failure, cancellationToken))
        {
            LogRejected(failure.GetType().Name, channelIdHeader);
            throw new UnauthorizedAccessException("The request's token could not be validated.", failure);
        }
    }

    private static bool IsTokenRejection(Exception failure, CancellationToken cancellationToken) =>
        failure is not UnauthorizedAccessException
        && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested);

    // The messaging endpoint's edge logs rejected requests once, rate-limited (RejectedRequestLog); this detail is for
    // diagnosing a single rejection.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a request from channel {ChannelId}: its token could not be validated ({Failure})")]
    private partial void LogRejected(string failure, string? channelId);
}
