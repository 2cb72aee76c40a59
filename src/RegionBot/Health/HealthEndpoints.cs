using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RegionBot.Health;

public static class HealthEndpoints
{
    public const string ReadinessPath = "/healthz";
    public const string LivenessPath = "/livez";

    /// <summary>
    /// Registers the health checks: the knowledge (ready once loaded) and, when conversation state lives in Redis,
    /// Redis (registered by the state's own set-up).
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>(KnowledgeHealthCheck.Name, tags: ["ready"]);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Maps readiness at <c>GET /healthz</c> (every check: 200 once the knowledge is loaded and Redis, where used,
    /// answers; 503 before or while not) and liveness at <c>GET /livez</c> (no checks: 200 while the process serves
    /// requests at all, so an orchestrator restarts only a process that is really stuck).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        return endpoints;
    }
}
