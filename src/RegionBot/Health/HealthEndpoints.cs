using RegionBot.Knowledge;

namespace RegionBot.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// Maps <c>GET /healthz</c>: 200 with the knowledge's size and age once it is loaded, 503 before. A refused
    /// reload is reported with each problem's file and line while the status stays 200: the previous knowledge is
    /// still being served, so the bot is healthy, but an editor has something to fix.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (KnowledgeReadiness readiness, TimeProvider clock) =>
        {
            if (readiness.Store is not { } store)
            {
                return Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var status = store.Status;
            return Results.Ok(new
            {
                status = "ok",
                passages = status.Passages,
                sources = status.Sources,
                countries = status.CoveredCountries,
                loadedAt = status.LoadedAt,
                indexAgeSeconds = (long)(clock.GetUtcNow() - status.LoadedAt).TotalSeconds,
                contentHash = status.ContentHash,
                indexReused = status.IndexReused,
                semantic = new { enabled = status.Semantic.Enabled, ready = status.Semantic.Ready, embedded = status.Semantic.Embedded, total = status.Semantic.Total, reused = status.Semantic.Reused, error = status.Semantic.Error, searches = status.Semantic.Searches, semanticSearches = status.Semantic.SemanticSearches },
                lastError = status.LastError is { } error
                    ? new { at = error.At, problems = error.Problems.Select(problem => problem.ToString()) }
                    : null,
            });
        });
        return endpoints;
    }
}
