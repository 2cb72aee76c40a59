using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace RegionBot.Bot;

public static class BotEndpoints
{
    /// <summary>The Bot Framework messaging endpoint, as registered with Azure Bot Service and the Emulator.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps <c>POST /api/messages</c>, where the adapter authenticates, parses and answers each activity.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(
            MessagesPath,
            (HttpContext http, [FromServices] IBotFrameworkHttpAdapter adapter, [FromServices] IBot bot) =>
                adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted))
            .AddEndpointFilter<UnusableActivityFilter>();
        return endpoints;
    }
}
