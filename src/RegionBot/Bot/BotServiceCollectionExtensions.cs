using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RegionBot.Conversations;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Metrics;
using RegionBot.Replies;

namespace RegionBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework adapter (authenticated from configuration), its bounded Connector client
    /// (<see cref="OutboundOptions"/>, from the "Outbound" section) and RegionBot's activity handler.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.SectionName)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.ConnectTimeout > TimeSpan.Zero, "Outbound:Timeout and Outbound:ConnectTimeout must be positive.")
            .Validate(o => o.MaxConcurrentCalls > 0 && o.MaxConcurrentCallsPerService > 0, "Outbound:MaxConcurrentCalls and Outbound:MaxConcurrentCallsPerService must be positive.")
            .Validate(o => o.AllowedServiceUrlHosts.All(host => Uri.CheckHostName(host) != UriHostNameType.Unknown), "Outbound:AllowedServiceUrlHosts must hold host names or addresses.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<OutboundCallSlots>();
        services.AddTransient<OutboundCallLimiter>();
        services.AddHttpClient(ConnectorHttpClients.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptions<OutboundOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler<OutboundCallLimiter>()
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<OutboundOptions>>().Value.Timeout + TimeSpan.FromSeconds(1));
        services.AddSingleton<ConnectorHttpClients>();

        services.AddSingleton<BotFrameworkAuthentication, BotAuthentication>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(provider => provider.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<FollowUpSuggestions>();
        services.AddSingleton(provider => new AnswerComposer(
            provider.GetRequiredService<IPassageSearch>(),
            () => provider.GetRequiredService<KnowledgeStore>().Knowledge));
        services.AddTransient<RegionBotActivityHandler>();
        services.AddTransient<IBot>(provider => new MeasuredBot(
            provider.GetRequiredService<RegionBotActivityHandler>(), provider.GetRequiredService<RegionBotMetrics>()));
        return services;
    }
}
