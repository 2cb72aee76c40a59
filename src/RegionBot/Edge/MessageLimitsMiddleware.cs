using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RegionBot.Bot;

namespace RegionBot.Edge;

/// <summary>
/// Guards <c>POST /api/messages</c> before the Bot Framework adapter reads it: refuses a body over the size limit
/// (from its Content-Length before reading anything, and by counting for a chunked body), refuses a body that is not
/// shaped like an activity with 400, and applies the per-conversation rate limit with 429.
/// </summary>
/// <remarks>
/// CloudAdapter reads the whole body into memory before it authenticates the caller, so an unbounded body would be
/// buffered for anyone. The body is read here once, within the limit, and handed to the adapter from memory.
/// </remarks>
internal sealed partial class MessageLimitsMiddleware(
    IOptions<LimitsOptions> options,
    ConversationRateLimiter conversations,
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
        var (conversation, problem) = ActivityShape.Read(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (problem is not null)
        {
            LogMalformed(problem);
            await EdgeResponses.ProblemAsync(context, StatusCodes.Status400BadRequest, "The activity cannot be processed.", problem);
            return;
        }

        using var lease = conversations.Acquire(conversation!);
        if (!lease.IsAcquired)
        {
            LogThrottled(conversation!);
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
