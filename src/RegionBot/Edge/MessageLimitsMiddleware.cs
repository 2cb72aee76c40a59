using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using RegionBot.Bot;

namespace RegionBot.Edge;

/// <summary>
/// Guards <c>POST /api/messages</c> before the Bot Framework adapter reads it: refuses a body over the size limit
/// (from its Content-Length before reading anything, and by counting for a chunked body), refuses a body that is not
/// shaped like an activity with 400, authenticates the caller (with an app id; 401 otherwise) or, in anonymous mode,
/// refuses a serviceUrl the bot must not call (403), and only then applies the per-conversation rate limit with 429.
/// </summary>
/// <remarks>
/// CloudAdapter reads the whole body into memory before it authenticates the caller, so an unbounded body would be
/// buffered for anyone. The body is read here once, within the limit, and handed to the adapter from memory.
/// Authenticating before counting means only a conversation's genuine channel can use up its messages: anyone else
/// is refused first and limited only per address, by the per-client limiter.
/// </remarks>
internal sealed partial class MessageLimitsMiddleware(
    IOptions<LimitsOptions> options,
    ConversationRateLimiter conversations,
    BotFrameworkAuthentication authentication,
    ServiceUrlPolicy serviceUrls,
    RejectedRequestLog rejections,
    ILogger<MessageLimitsMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !request.Path.Equals(BotEndpoints.MessagesPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            LogTooLarge(request.ContentLength, limit);
            await EdgeResponses.ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
            return;
        }

        // Lets the server itself stop reading a chunked body at the limit; the count below covers servers
        // (such as the test server) that do not offer the feature.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var body = await ReadBodyAsync(request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            LogTooLarge(request.ContentLength, limit);
            await EdgeResponses.ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
            return;
        }

        context.Response.RegisterForDispose(body);
        var (activity, problem) = ActivityShape.Read(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (activity is null)
        {
            LogMalformed(problem!);
            await EdgeResponses.ProblemAsync(context, StatusCodes.Status400BadRequest, "The activity cannot be processed.", problem);
            return;
        }

        if (serviceUrls.IsAnonymous)
        {
            if (!IsCallableInAnonymousMode(activity))
            {
                rejections.Rejected(context.Connection.RemoteIpAddress?.ToString(), $"serviceUrl {activity.ServiceUrl} is not allowed in anonymous mode");
                await EdgeResponses.ProblemAsync(
                    context,
                    StatusCodes.Status403Forbidden,
                    "The serviceUrl is not allowed.",
                    "Without a Microsoft app id the bot only replies to loopback serviceUrls (the Emulator on this machine) and the hosts in Outbound:AllowedServiceUrlHosts; use deliveryMode \"expectReplies\" to get the replies in the response instead.");
                return;
            }
        }
        else if (await AuthenticateAsync(context, activity) is { } refusal)
        {
            rejections.Rejected(context.Connection.RemoteIpAddress?.ToString(), refusal);
            await EdgeResponses.ProblemAsync(context, StatusCodes.Status401Unauthorized, "A valid Bot Framework token is required.");
            return;
        }

        using var lease = conversations.Acquire(activity.Conversation);
        if (!lease.IsAcquired)
        {
            LogThrottled(activity.Conversation);
            await EdgeResponses.TooManyRequestsAsync(context, lease, context.RequestAborted);
            return;
        }

        var original = request.Body;
        request.Body = body;
        request.ContentLength = body.Length;
        try
        {
            await next(context);
        }
        finally
        {
            request.Body = original;
        }
    }

    /// <summary>
    /// Whether the bot may act on an activity without an app id: when its replies come back in the response
    /// (expectReplies) the bot calls nobody, otherwise its serviceUrl must be one <see cref="ServiceUrlPolicy"/>
    /// allows. A missing or malformed serviceUrl is left to the adapter, which answers it with 400.
    /// </summary>
    private bool IsCallableInAnonymousMode(ActivitySummary activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal)
        || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
        || serviceUrls.IsAllowed(serviceUrl);

    /// <summary>
    /// Validates the request's token as the adapter will (the adapter checks it again when it runs the turn, with
    /// its signing keys already cached). Returns why the token was refused, or null when it is valid.
    /// </summary>
    private async Task<string?> AuthenticateAsync(HttpContext context, ActivitySummary summary)
    {
        var activity = new Activity { ChannelId = summary.ChannelId, ServiceUrl = summary.ServiceUrl };
        try
        {
            await authentication.AuthenticateRequestAsync(activity, context.Request.Headers.Authorization.ToString(), context.RequestAborted);
            return null;
        }
        catch (UnauthorizedAccessException failure)
        {
            return failure.InnerException is { } cause ? $"{failure.Message} ({cause.GetType().Name})" : failure.Message;
        }
    }

    /// <summary>The whole body in memory, or null when it is longer than the limit.</summary>
    private static async Task<MemoryStream?> ReadBodyAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        body.Position = 0;
        return body;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a message body of {ContentLength} bytes (limit {Limit})")]
    private partial void LogTooLarge(long? contentLength, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed activity: {Problem}")]
    private partial void LogMalformed(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Conversation} is sending too fast; answered 429")]
    private partial void LogThrottled(string conversation);
}
