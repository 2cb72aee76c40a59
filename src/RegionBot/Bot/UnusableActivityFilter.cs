namespace RegionBot.Bot;

/// <summary>
/// Answers 400 when the adapter cannot use the activity a client posted, instead of letting it become a 500.
/// </summary>
/// <remarks>
/// CloudAdapter already answers 400 to a body that is not an activity, 401 to a missing token and (through
/// <see cref="BotAuthentication"/>) to an invalid one, and its turn-error handler catches everything the bot does.
/// What still escapes is the adapter refusing the activity's own fields before the turn starts: a missing or
/// malformed serviceUrl makes it throw ArgumentNullException or UriFormatException while creating the Connector
/// client. Those are the client's mistakes, so they get 400 here; the adapter itself is left to do its job.
/// </remarks>
internal sealed partial class UnusableActivityFilter(ILogger<UnusableActivityFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception failure) when (failure is ArgumentException or UriFormatException
            && !context.HttpContext.Response.HasStarted)
        {
            LogUnusable(failure.GetType().Name, failure.Message);
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The activity cannot be processed.",
                detail: "An activity needs a type, an absolute serviceUrl, a conversation, a sender and a recipient.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity the adapter cannot use: {Failure}: {Reason}")]
    private partial void LogUnusable(string failure, string reason);
}
