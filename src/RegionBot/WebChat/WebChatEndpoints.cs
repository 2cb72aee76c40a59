using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RegionBot.DirectLine;

namespace RegionBot.WebChat;

/// <summary>
/// Serves the chat page: the stock Web Chat bundle (restored from npm by the build and copied next to the app),
/// a small start-up script, and the endpoint that gives the page its Direct Line token.
/// </summary>
public static class WebChatEndpoints
{
    public const string FilesPath = "/webchat";

    /// <summary>Shown at <c>/</c> when the build had no npm to restore the Web Chat bundle with.</summary>
    internal const string NotRestoredPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>RegionBot: web chat not restored</title></head>
        <body>
        <h1>The web chat's bundle was not restored</h1>
        <p>The bot is running and answers in Teams and the Bot Framework Emulator, but this page needs the
        BotFramework-WebChat bundle, which the build restores with npm, and npm was not found when the bot was built.</p>
        <p>To restore it, install Node.js with npm (on Debian: <code>apt-get install nodejs npm</code>), then build
        again (<code>dotnet build src/RegionBot</code>) or run <code>npm ci</code> in <code>src/RegionBot/WebChat</code>
        and restart the bot.</p>
        </body>
        </html>
        """;

    /// <summary>Registers where the page's files are (the application's own build unless a host chose others).</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.TryAddSingleton(WebChatFiles.Default);
        return services;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<WebChatFiles>();
        if (files.BundleRestored)
        {
            // The page itself is webchat/index.html, served for "/" by the same static files middleware, so it gets
            // the same ETag and cache headers; only a request no endpoint claimed is rewritten.
            app.Use((context, next) =>
            {
                if (context.Request.Path == "/" && context.GetEndpoint() is null)
                {
                    context.Request.Path = FilesPath + "/index.html";
                }

                return next(context);
            });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(files.Folder),
                RequestPath = FilesPath,
                OnPrepareResponse = SetCacheHeaders,
            });
        }
        else
        {
            app.MapGet("/", () => Results.Content(NotRestoredPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        app.MapPost("/api/directline/token", IssuePageToken);
        return app;
    }

    /// <summary>
    /// The Web Chat bundle changes only with its pinned npm version, so browsers may keep it for a day; the page
    /// and its script are revalidated on every load (a 304 against their ETag when unchanged), so an update to the
    /// bot shows at once.
    /// </summary>
    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers[HeaderNames.CacheControl] = string.Equals(context.File.Name, WebChatFiles.BundleName, StringComparison.Ordinal)
            ? "public, max-age=86400"
            : "no-cache";
    }

    /// <summary>
    /// With a Direct Line secret, a token from Azure (the secret stays here); without one, a token for the
    /// bot's own local Direct Line. Either way the page gets the token, the Direct Line address to use and the longest
    /// message the bot reads, so it can tell the user why a longer one is refused.
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
                : Results.Json(new { token = token.Token, conversationId = token.ConversationId, expires_in = token.ExpiresIn, domain = options.Value.Endpoint.TrimEnd('/'), maxMessageLength = options.Value.MaxMessageTextLength });
        }

        if (!DirectLineSetup.IsLocalDirectLineEnabled(configuration))
        {
            return Results.Json(new { error = "Web chat needs DirectLine:Secret when the bot has a Microsoft app id." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var issued = LocalDirectLineEndpoints.NewConversationToken(local);
        var domain = $"{request.Scheme}://{request.Host}{request.PathBase}{LocalDirectLineEndpoints.BasePath}";
        return Results.Json(new { token = issued.Token, conversationId = issued.Claims.ConversationId, expires_in = issued.ExpiresInSeconds, domain, maxMessageLength = options.Value.MaxMessageTextLength });
    }
}
