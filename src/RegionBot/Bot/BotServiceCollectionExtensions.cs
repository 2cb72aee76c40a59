using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using RegionBot.Conversations;
using RegionBot.Metrics;

namespace RegionBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework adapter (authenticated from configuration) and RegionBot's activity handler.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddSingleton<BotFrameworkAuthentication, BotAuthentication>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(provider => provider.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<FollowUpSuggestions>();
        services.AddTransient<RegionBotActivityHandler>();
        services.AddTransient<IBot>(provider => new MeasuredBot(
            provider.GetRequiredService<RegionBotActivityHandler>(), provider.GetRequiredService<RegionBotMetrics>()));
        return services;
    }
}
