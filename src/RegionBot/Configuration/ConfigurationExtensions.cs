namespace RegionBot.Configuration;

public static class ConfigurationExtensions
{
    /// <summary>
    /// Applies RegionBot's configuration defaults on top of the framework's sources (appsettings.json in the content
    /// root, user secrets in Development, environment variables, command-line arguments), and refuses to start on
    /// settings that moved (see <see cref="MovedSettings"/>).
    /// </summary>
    public static WebApplicationBuilder AddRegionBotConfiguration(this WebApplicationBuilder builder)
    {
        // The default lives in code rather than in launchSettings.json so it also holds for a published build;
        // any address the operator configured (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, ...) wins.
        if (!ConfiguresAddresses(builder.Configuration))
        {
            builder.WebHost.UseUrls(RegionBotHost.DefaultUrl);
        }

        builder.Services.AddRegionBotHostChecks();
        return builder;
    }

    /// <summary>
    /// Registers the check that refuses to start on settings that moved; first among the hosted services, so the
    /// old names are reported before anything else starts.
    /// </summary>
    public static IServiceCollection AddRegionBotHostChecks(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MovedSettings>());
        return services;
    }

    private static bool ConfiguresAddresses(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
