using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using RegionBot.Edge;

namespace RegionBot.Bot;

/// <summary>
/// The Bot Framework adapter, with a turn-error handler that logs the failure, tells the user briefly and shows
/// the developer a trace in the Emulator. It has a single constructor because CloudAdapter's own overloads are
/// ambiguous to dependency injection.
/// </summary>
public sealed partial class AdapterWithErrorHandler : CloudAdapter
{
    internal const string ErrorReply = "Sorry, something went wrong on my side. Please try again.";

    private readonly ILogger<AdapterWithErrorHandler> _logger;
    private readonly LogGate _connectorFailures;

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, TimeProvider time, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        _logger = logger;
        _connectorFailures = new LogGate(time, TimeSpan.FromSeconds(10));
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Runs a turn for an activity that arrives in process rather than over HTTP (the local Direct Line), with
    /// its replies collected instead of sent to a Connector, and returns them. The activity is authenticated as
    /// any other; the local Direct Line only exists when the bot has no app id.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ProcessCollectingRepliesAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var response = await ProcessActivityAsync(string.Empty, activity, bot.OnTurnAsync, cancellationToken);
        return response?.Body is ExpectedReplies { Activities: { } replies } ? [.. replies] : [];
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        if (IsConnectorFailure(exception))
        {
            // The channel's Connector service could not be reached in time, or refused the reply: nothing in the bot
            // is broken, and whoever chose the serviceUrl can cause this in bulk, so it is one line now and then.
            if (_connectorFailures.TryPass(out var heldBack))
            {
                LogConnectorFailure(exception.GetType().Name, exception.Message, activity.ChannelId, heldBack);
            }

            return;
        }

        LogTurnError(exception, activity.Type, activity.ChannelId, activity.Conversation?.Id);

        // Telling the user can fail too (for example when the channel's service URL is unreachable); that must not
        // turn into an HTTP 500 for the channel, so it is logged and the turn ends.
        try
        {
            await turnContext.SendActivityAsync(ErrorReply);

            // The adapter only delivers trace activities to the Emulator, where they help the developer.
            await turnContext.TraceActivityAsync(
                "OnTurnError Trace",
                exception.Message,
                "https://www.botframework.com/schemas/error",
                "TurnError");
        }
        catch (Exception sendFailure)
        {
            LogErrorReplyFailed(sendFailure, activity.Conversation?.Id);
        }
    }

    /// <summary>A failure to deliver the bot's reply, where telling the user through the same Connector would fail too.</summary>
    private static bool IsConnectorFailure(Exception exception) =>
        exception is HttpRequestException or ErrorResponseException
        || (exception is OperationCanceledException && exception.InnerException is TimeoutException or HttpRequestException);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply on channel {ChannelId} could not be delivered: {Failure}: {Reason} ({HeldBack} more since the last such line)")]
    private partial void LogConnectorFailure(string failure, string reason, string? channelId, int heldBack);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on channel {ChannelId} in conversation {ConversationId}")]
    private partial void LogTurnError(Exception exception, string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell conversation {ConversationId} that its turn failed")]
    private partial void LogErrorReplyFailed(Exception exception, string? conversationId);
}
