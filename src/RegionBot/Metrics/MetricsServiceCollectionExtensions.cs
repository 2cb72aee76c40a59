using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace RegionBot.Metrics;

public static class MetricsServiceCollectionExtensions
{
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Registers the RegionBot meter and OpenTelemetry metrics: the RegionBot meter, ASP.NET Core's and HttpClient's
    /// instruments, and the Prometheus exporter behind <c>/metrics</c> (served only when <see cref="MetricsOptions"/>
    /// enables it); and, when <see cref="TracingOptions"/> names a collector, ASP.NET Core's and HttpClient's traces
    /// exported to it over OTLP.
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
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RegionBotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddPrometheusExporter());

        // Traces are recorded only when there is somewhere to send them, so a bot without a collector pays nothing.
        services.AddOptions<TracingOptions>()
            .Bind(configuration.GetSection(TracingOptions.SectionName))
            .Validate(
                o => o.OtlpEndpoint.Length == 0 || TracingOptions.TryGetCollector(o.OtlpEndpoint, out _),
                "Tracing:OtlpEndpoint must be empty or an absolute http(s) URL such as http://collector:4318/v1/traces.")
            .ValidateOnStart();
        var endpoint = configuration.GetSection(TracingOptions.SectionName)[nameof(TracingOptions.OtlpEndpoint)];
        if (TracingOptions.TryGetCollector(endpoint, out var collector))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = collector;
                    otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                }));
        }

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
