using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

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

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        _logger = logger;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on channel {ChannelId} in conversation {ConversationId}")]
    private partial void LogTurnError(Exception exception, string? activityType, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell conversation {ConversationId} that its turn failed")]
    private partial void LogErrorReplyFailed(Exception exception, string? conversationId);
}
