using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;

namespace RegionBot.DirectLine;

/// <summary>
/// A Direct Line 3.0 service inside the bot, enough for the stock Web Chat (DirectLineJS) to work unchanged:
/// tokens, conversations, activities by GET and by WebSocket stream, and the Connector endpoint the bot
/// replies to.
/// </summary>
public static class LocalDirectLineEndpoints
{
    public const string BasePath = "/v3/directline";
    public const string ConnectorPath = BasePath + "/connector";

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

        // The bot's Connector client appends "v3/conversations/..." to the serviceUrl it was given.
        var connector = app.MapGroup(ConnectorPath + "/v3/conversations/{conversationId}/activities")
            .AddEndpointFilter(OnlyFromThisMachine);
        connector.MapPost("/", BotSendsActivity);
        connector.MapPost("/{replyToId}", BotSendsActivity);
        connector.MapPut("/{activityId}", BotUpdatesActivity);
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
        // conversation from being released under an open page.
        conversations.Find(claims.ConversationId)?.Touch();

        var issued = tokens.Issue(claims.ConversationId, claims.UserId);
        return Results.Json(new { conversationId = issued.Claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresInSeconds });
    }

    private static async Task<IResult> StartConversation(
        HttpContext http, DirectLineTokens tokens, LocalConversations conversations, LocalBot bot, ILoggerFactory loggers)
    {
        if (Authorize(http.Request, tokens, conversationId: null, out var claims) is { } denied)
        {
            return denied;
        }

        var conversation = conversations.Open(claims.ConversationId, claims.UserId, out var created);
        if (conversation is null)
        {
            return Error(HttpStatusCode.TooManyRequests, "TooManyConversations", "Too many open conversations; try again later.");
        }

        if (created)
        {
            try
            {
                await bot.StartAsync(http.Request, conversation, http.RequestAborted);
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
        string conversationId, HttpContext http, DirectLineTokens tokens, LocalConversations conversations, LocalBot bot, ILoggerFactory loggers)
    {
        if (Authorize(http.Request, tokens, conversationId, out _) is { } denied)
        {
            return denied;
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var (activity, problem) = await DirectLineJson.ReadAsync(http.Request, http.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        // The user's own activity goes into the conversation first: Web Chat marks a message as sent when it
        // sees it come back on the stream.
        bot.StampFromUser(activity, conversation, http.Request);
        var id = conversation.Append(activity);
        try
        {
            await bot.SendAsync(http.Request, activity, http.RequestAborted);
        }
        catch (HttpRequestException ex)
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
        return Results.Content(DirectLineJson.ActivitySet(activities, newWatermark), "application/json");
    }

    private static async Task<IResult> BotSendsActivity(string conversationId, HttpRequest request, LocalConversations conversations)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var (activity, problem) = await DirectLineJson.ReadAsync(request, request.HttpContext.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        return Results.Json(new ResourceResponse(conversation.Append(activity)));
    }

    private static async Task<IResult> BotUpdatesActivity(string conversationId, string activityId, HttpRequest request, LocalConversations conversations)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound();
        }

        var (activity, problem) = await DirectLineJson.ReadAsync(request, request.HttpContext.RequestAborted);
        if (activity is null)
        {
            return problem!;
        }

        return conversation.Replace(activityId, activity)
            ? Results.Json(new ResourceResponse(activityId))
            : Error(HttpStatusCode.NotFound, "BadArgument", "No such activity.");
    }

    /// <summary>
    /// The Connector endpoint takes no credentials (the bot runs without an app id here), so it only accepts
    /// the bot's own calls: they come from this machine, to the address the browser used.
    /// </summary>
    private static async ValueTask<object?> OnlyFromThisMachine(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var connection = context.HttpContext.Connection;
        var remote = connection.RemoteIpAddress;
        var fromThisMachine = remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(connection.LocalIpAddress));
        return fromThisMachine
            ? await next(context)
            : Error(HttpStatusCode.Forbidden, "Forbidden", "The local Connector only serves the bot itself.");
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
