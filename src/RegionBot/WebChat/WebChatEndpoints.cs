using Microsoft.Extensions.Options;
using RegionBot.DirectLine;

namespace RegionBot.WebChat;

/// <summary>
/// Serves the chat page: the stock Web Chat bundle (restored from npm by the build and copied next to the app),
/// a small start-up script, and the endpoint that gives the page its Direct Line token.
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>The page's files, copied to the app's output folder by the build.</summary>
    private static readonly string PageFolder = Path.Combine(AppContext.BaseDirectory, "WebChat");

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.MapGet("/", () => PageFile("index.html", "text/html; charset=utf-8"));
        app.MapGet("/webchat/chat.js", () => PageFile("chat.js", "text/javascript; charset=utf-8"));
        app.MapGet("/webchat/webchat.js", () => PageFile("webchat.js", "text/javascript; charset=utf-8"));
        app.MapPost("/api/directline/token", IssuePageToken);
        return app;
    }

    private static IResult PageFile(string name, string contentType) =>
        TypedResults.PhysicalFile(Path.Combine(PageFolder, name), contentType, enableRangeProcessing: false);

    /// <summary>
    /// With a Direct Line secret, a token from Azure (the secret stays here); without one, a token for the
    /// bot's own local Direct Line. Either way the page gets the token and the Direct Line address to use.
    /// </summary>
    private static async Task<IResult> IssuePageToken(
        HttpRequest request, IOptions<DirectLineOptions> options, IConfiguration configuration,
        AzureDirectLineTokens azure, DirectLineTokens local, CancellationToken ct)
    {
        if (options.Value.HasSecret)
        {
            var token = await azure.GenerateAsync(ct);
            return token is null
                ? Results.Json(new { error = "The chat service could not be reached." }, statusCode: StatusCodes.Status502BadGateway)
                : Results.Json(new { token = token.Token, conversationId = token.ConversationId, expires_in = token.ExpiresIn, domain = options.Value.Endpoint.TrimEnd('/') });
        }

        if (!DirectLineSetup.IsLocalDirectLineEnabled(configuration))
        {
            return Results.Json(new { error = "Web chat needs DirectLine:Secret when the bot has a Microsoft app id." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var issued = LocalDirectLineEndpoints.NewConversationToken(local);
        var domain = $"{request.Scheme}://{request.Host}{request.PathBase}{LocalDirectLineEndpoints.BasePath}";
        return Results.Json(new { token = issued.Token, conversationId = issued.Claims.ConversationId, expires_in = issued.ExpiresInSeconds, domain });
    }
}
