using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;
using RegionBot.Metrics;

namespace RegionBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge store (loaded once at start-up, disposed with the application) as the application's
    /// passage search, with its options bound from the "RegionBot" configuration section.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSearchOptions(configuration);
        services.AddSemanticOptions(configuration);

        // The container creates the store, so it also disposes it when the application stops.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SearchOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.KnowledgePath));
            var semantic = provider.GetRequiredService<IOptions<SemanticOptions>>().Value;
            return KnowledgeStore.Open(directory, options, provider.GetRequiredService<ILogger<KnowledgeStore>>(), semantic);
        });
        services.AddSingleton<IPassageSearch>(provider => new MeasuredPassageSearch(
            provider.GetRequiredService<KnowledgeStore>(), provider.GetRequiredService<RegionBotMetrics>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<KnowledgeReadiness>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }

    /// <summary>
    /// Binds and validates <see cref="SearchOptions"/> from the "RegionBot" section; the terminal commands use it too.
    /// </summary>
    public static IServiceCollection AddSearchOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.KnowledgePath), "RegionBot:KnowledgePath must name the knowledge folder.")
            .Validate(o => o.PassagesPerAnswer > 0, "RegionBot:PassagesPerAnswer must be at least 1.")
            .Validate(o => o.MinConfidence is >= 0 and <= 1, "RegionBot:MinConfidence must be between 0 and 1.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Binds and validates <see cref="SemanticOptions"/> from the "RegionBot:Semantic" section; the terminal commands use it too.
    /// </summary>
    public static IServiceCollection AddSemanticOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SemanticOptions>()
            .Bind(configuration.GetSection(SemanticOptions.SectionName))
            .Validate(o => o.IntraOpThreads is >= 1 and <= 64, "RegionBot:Semantic:IntraOpThreads must be between 1 and 64.")
            .Validate(o => o.QueryCacheSize is >= 0 and <= 1_000_000, "RegionBot:Semantic:QueryCacheSize must be between 0 and 1,000,000.")
            .Validate(o => o.BatchSize is >= 1 and <= 256, "RegionBot:Semantic:BatchSize must be between 1 and 256.")
            .Validate(o => o.MaxPassagesEmbeddedBeforeSwap >= 0, "RegionBot:Semantic:MaxPassagesEmbeddedBeforeSwap must not be negative.")
            .ValidateOnStart();
        return services;
    }
}
