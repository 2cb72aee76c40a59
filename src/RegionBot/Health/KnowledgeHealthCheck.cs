using Microsoft.Extensions.Diagnostics.HealthChecks;
using RegionBot.Knowledge;

namespace RegionBot.Health;

/// <summary>
/// Ready once the knowledge is loaded. A refused reload leaves it healthy: the previous knowledge is still being
/// served, so the bot answers, and the refusal is reported to the operator in the health answer's details.
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeReadiness readiness) : IHealthCheck
{
    public const string Name = "knowledge";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Store is null
            ? HealthCheckResult.Unhealthy("The knowledge is still loading.")
            : HealthCheckResult.Healthy("The knowledge is loaded."));
}
