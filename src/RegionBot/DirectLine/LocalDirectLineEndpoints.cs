using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>
/// A Direct Line 3.0 service inside the bot, enough for the stock Web Chat (DirectLineJS) to work unchanged:
/// tokens, conversations, and activities by GET and by WebSocket stream. The bot runs each turn in process
/// (<see cref="LocalBot"/>), so there is no Connector endpoint to post into a conversation.
/// </summary>
public static class LocalDirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static void Map(IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup(BasePath);
        directLine.MapPost("/tokens/generate", GenerateToken);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversation);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivity);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.Map("/conversations/{conversationId}/stream", LocalDirectLineStream.RunAsync);
    }

    /// <summary>Gives a browser a token for a new conversation, as Azure's tokens/generate does for a secret.</summary>
    public static IssuedToken NewConversationToken(DirectLineTokens tokens) =>
        tokens.Issue(DirectLineTokens.NewId(string.Empty), DirectLineTokens.NewId("dl_"));

    private static IResult GenerateToken(DirectLineTokens tokens)
    {
        var issued = NewConversationToken(tokens);
        return Results.Json(new { conversationId = issued.Claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresInSeconds });
    }

    private static IResult RefreshToken(HttpRequest request, DirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(request, tokens, conversationId: null, out var claims) is { } denied)
        {
            return denied;
        }

        // Web Chat refreshes its token every quarter hour while the page is open, which keeps a quiet
        // conversation from being released under an open page, but never beyond the conversation's maximum age:
        // past it the conversation is closed (Find no longer finds it) and its token is not renewed. A page whose
        // conversation never started or has ended cannot keep a token alive either; DirectLineJS reads 403 as an
        // expired token.
        if (conversations.Find(claims.ConversationId) is not { } conversation)
        {
            return Error(HttpStatusCode.Forbidden, "TokenExpired", "The conversation has ended; start a new one.");
        }

        conversation.Touch();

        var issued = tokens.Issue(claims.ConversationId, claims.UserId);
        return Results.Json(new { conversationId = issued.Claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresInSeconds });
    }

    private static async Task<IResult> StartConversation(
        HttpContext http, DirectLineTokens tokens, LocalConversations conversations, LocalBot bot, [FromServices] IBot turns, ILoggerFactory loggers)
    {
        if (Authorize(http.Request, tokens, conversationId: null, out var claims) is { } denied)
        {
            return denied;
        }

        var conversation = conversations.Open(claims.ConversationId, claims.UserId, ClientAddress(http), out var created);
        if (created)
        {
            try
            {
                foreach (var reply in await bot.StartAsync(http.Request, conversation, turns, http.RequestAborted))
                {
                    conversations.Append(conversation, reply);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed welcome must not keep the user out: the conversation is open and the next message
                // gets its own turn.
                loggers.CreateLogger(typeof(LocalDirectLineEndpoints)).LogError(ex, "The bot failed to start conversation {ConversationId}", conversation.Id);
            }
        }

        var body = ConversationBody(http.Request, tokens, claims, watermark: null);
        return created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    private static IResult Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(request, tokens, conversationId, out var claims) is { } denied)
        {
            return denied;
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        conversation.Touch();
        return Results.Json(ConversationBody(request, tokens, claims, ParseWatermark(watermark)));
    }

    private static async Task<IResult> PostActivity(
        string conversationId,
        HttpContext http,
        DirectLineTokens tokens,
        LocalConversations conversations,
        LocalBot bot,
        LocalConversationLimiter limiter,
        IOptions<DirectLineOptions> options,
        [FromServices] IBot turns,
        ILoggerFactory loggers)
    {
        if (Authorize(http.Request, tokens, conversationId, out _) is { } denied)
        {
            return denied;
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var (activity, problem) = await DirectLineJson.ReadAsync(http.Request, options.Value.MaxActivityBytes, http.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        var maxText = options.Value.MaxMessageTextLength;
        if (activity.Text is { } text && text.Length > maxText)
        {
            return Error(
                HttpStatusCode.RequestEntityTooLarge,
                "MessageSizeTooBig",
                string.Create(CultureInfo.InvariantCulture, $"Messages are limited to {maxText:N0} characters; this one has {text.Length:N0}. Please send a shorter question."));
        }

        // Checked before the message joins the conversation, so a limited message is not shown as sent: the
        // client gets 429 with Retry-After and can send it again.
        using var lease = limiter.Acquire(conversationId);
        if (!lease.IsAcquired)
        {
            return TooManyRequests(http.Response, lease);
        }

        // The user's own activity goes into the conversation first: Web Chat marks a message as sent when it
        // sees it come back on the stream.
        bot.StampFromUser(activity, conversation, http.Request);
        if (conversations.Append(conversation, activity) is not { } id)
        {
            return ConversationNotFound();
        }

        try
        {
            foreach (var reply in await bot.TurnAsync(activity, turns, http.RequestAborted))
            {
                conversations.Append(conversation, reply);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(LocalDirectLineEndpoints)).LogError(ex, "The bot failed on activity {ActivityId}", id);
            return Error(HttpStatusCode.BadGateway, "BotError", "The bot could not process the activity.");
        }

        return Results.Json(new { id });
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, LocalConversations conversations)
    {
        if (Authorize(request, tokens, conversationId, out _) is { } denied)
        {
            return denied;
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var (activities, newWatermark) = conversation.Since(ParseWatermark(watermark));
        return Results.Bytes(DirectLineJson.ActivitySet(activities, newWatermark), "application/json");
    }

    /// <summary>The address a conversation is counted against: the connection's, as no trusted proxy is configured.</summary>
    internal static string ClientAddress(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : string.Empty;

    private static IResult TooManyRequests(HttpResponse response, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.FromSeconds(1);
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Error(HttpStatusCode.TooManyRequests, "TooManyRequests", "Messages are arriving too fast; wait a moment and send again.");
    }

    internal static object ConversationBody(HttpRequest request, DirectLineTokens tokens, DirectLineClaims claims, long? watermark)
    {
        // A fresh token for the stream: browsers cannot send an Authorization header on a WebSocket.
        var issued = tokens.Issue(claims.ConversationId, claims.UserId);
        var scheme = string.Equals(request.Scheme, "https", StringComparison.Ordinal) ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(claims.ConversationId)}/stream"
            + $"?t={Uri.EscapeDataString(issued.Token)}"
            + (watermark is { } mark ? $"&watermark={mark.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        return new { conversationId = claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresInSeconds, streamUrl };
    }

    internal static long? ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Checks the bearer token: 401 when there is none or it is not ours, 403 when it has expired (DirectLineJS
    /// reads 403 as "get a new token") or belongs to another conversation.
    /// </summary>
    internal static IResult? Authorize(HttpRequest request, DirectLineTokens tokens, string? conversationId, out DirectLineClaims claims) =>
        Check(tokens.CheckAuthorizationHeader(request.Headers.Authorization, out var found), found, conversationId, out claims);

    internal static IResult? Check(TokenCheck check, DirectLineClaims? found, string? conversationId, out DirectLineClaims claims)
    {
        claims = found!;
        return check switch
        {
            TokenCheck.Missing => Error(HttpStatusCode.Unauthorized, "BadArgument", "A Direct Line token is required."),
            TokenCheck.Invalid => Error(HttpStatusCode.Unauthorized, "BadArgument", "The Direct Line token is not valid."),
            TokenCheck.Expired => Error(HttpStatusCode.Forbidden, "TokenExpired", "The Direct Line token has expired."),
            _ when conversationId is not null && !string.Equals(found!.ConversationId, conversationId, StringComparison.Ordinal)
                => Error(HttpStatusCode.Forbidden, "BadArgument", "The token is for another conversation."),
            _ => null,
        };
    }

    internal static IResult ConversationNotFound() =>
        Error(HttpStatusCode.NotFound, "BadArgument", "Conversation not found; it may have expired.");

    internal static IResult Error(HttpStatusCode status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: (int)status);
}
