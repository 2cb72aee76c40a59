using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RegionBot.Admin;
using RegionBot.Knowledge;

namespace RegionBot.Health;

/// <summary>
/// Writes the readiness answer with the fields <c>/healthz</c> has always had. Anyone gets the status and the
/// knowledge's counts; the details that help an operator and would help an attacker too (the index's hash and age
/// stamp, a refused reload's files and lines, a failing check's error) only go to a caller presenting the admin key.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<KnowledgeReadiness>().Store;
        var status = store is null ? "loading" : report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok";
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = status };
        if (store is not null)
        {
            var knowledge = store.Status;
            body["passages"] = knowledge.Passages;
            body["sources"] = knowledge.Sources;
            body["countries"] = knowledge.CoveredCountries;
            body["indexAgeSeconds"] = (long)(services.GetRequiredService<TimeProvider>().GetUtcNow() - knowledge.LoadedAt).TotalSeconds;
            body["semantic"] = new { enabled = knowledge.Semantic.Enabled, ready = knowledge.Semantic.Ready, embedded = knowledge.Semantic.Embedded, total = knowledge.Semantic.Total };
        }

        var details = PresentsAdminKey(context);
        body["checks"] = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => details
                ? new { status = entry.Value.Status.ToString(), description = entry.Value.Description, error = entry.Value.Exception?.Message }
                : (object)new { status = entry.Value.Status.ToString() },
            StringComparer.Ordinal);
        if (details && store is not null)
        {
            var knowledge = store.Status;
            body["loadedAt"] = knowledge.LoadedAt;
            body["contentHash"] = knowledge.ContentHash;
            body["indexReused"] = knowledge.IndexReused;
            body["semanticDetails"] = new { reused = knowledge.Semantic.Reused, error = knowledge.Semantic.Error, searches = knowledge.Semantic.Searches, semanticSearches = knowledge.Semantic.SemanticSearches };
            body["lastError"] = knowledge.LastError is { } error
                ? new { at = error.At, problems = error.Problems.Select(problem => problem.ToString()) }
                : null;
        }

        return Results.Json(body).ExecuteAsync(context);
    }

    /// <summary>
    /// Whether the request carries the configured admin key, in the header the admin endpoints use. Hashes are
    /// compared in constant time, so neither the time taken nor the keys' lengths tell a caller how close a guess was.
    /// </summary>
    private static bool PresentsAdminKey(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<ReloadOptions>>().Value.AdminKey;
        if (string.IsNullOrEmpty(expected) || !context.Request.Headers.TryGetValue(AdminEndpoints.KeyHeader, out var presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString())),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
