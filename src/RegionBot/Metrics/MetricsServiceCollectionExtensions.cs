using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenTelemetry.Metrics;

namespace RegionBot.Metrics;

public static class MetricsServiceCollectionExtensions
{
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Registers the RegionBot meter and OpenTelemetry metrics: the RegionBot meter, ASP.NET Core's and HttpClient's
    /// instruments, and the Prometheus exporter behind <c>/metrics</c> (served only when <see cref="MetricsOptions"/>
    /// enables it).
    /// </summary>
    public static IServiceCollection AddRegionBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(
                o => !o.Enabled || o.Key.Length >= MetricsOptions.MinimumKeyLength,
                $"Metrics:Enabled needs Metrics:Key, a secret of at least {MetricsOptions.MinimumKeyLength} characters.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<RegionBotMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RegionBotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// Serves <c>GET /metrics</c> when enabled, only to a caller presenting the scrape key: the endpoint shares the
    /// bot's public port, so without the key it answers 401 like any other protected path. Disabled, it does not
    /// exist (404).
    /// </summary>
    public static WebApplication MapRegionBotMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes("Bearer " + options.Key));
        app.UseWhen(
            context => context.Request.Path.Equals(ScrapePath, StringComparison.Ordinal),
            scrape => scrape
                .Use(async (context, next) =>
                {
                    var presented = SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Headers[HeaderNames.Authorization].ToString()));
                    if (!CryptographicOperations.FixedTimeEquals(presented, expected))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                        return;
                    }

                    await next(context);
                })
                .UseOpenTelemetryPrometheusScrapingEndpoint());
        return app;
    }
}
