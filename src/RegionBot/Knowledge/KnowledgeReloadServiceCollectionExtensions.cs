namespace RegionBot.Knowledge;

public static class KnowledgeReloadServiceCollectionExtensions
{
    /// <summary>
    /// Registers reloading the knowledge without a restart: the folder watcher and the reloader the admin endpoint
    /// uses, with <see cref="ReloadOptions"/> bound from the "RegionBot:Reload" configuration section.
    /// </summary>
    public static IServiceCollection AddKnowledgeReload(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReloadOptions>()
            .Bind(configuration.GetSection(ReloadOptions.SectionName))
            .Validate(o => o.ReloadDebounce >= TimeSpan.Zero, "RegionBot:Reload:ReloadDebounce must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<KnowledgeReloader>();
        services.AddHostedService<KnowledgeWatcher>();
        return services;
    }
}
