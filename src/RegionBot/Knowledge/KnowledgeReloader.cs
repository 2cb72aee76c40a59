using RegionBot.Metrics;

namespace RegionBot.Knowledge;

/// <summary>
/// Reloads the knowledge store off the request and watcher threads and logs the outcome; shared by the folder
/// watcher and the admin endpoint. The store itself serialises reloads and keeps serving the old index throughout.
/// </summary>
public sealed partial class KnowledgeReloader(KnowledgeStore store, RegionBotMetrics metrics, ILogger<KnowledgeReloader> logger)
{
    public async Task<KnowledgeReloadResult> ReloadAsync(string reason, CancellationToken cancellationToken)
    {
        // Loading and indexing is CPU work of a second or so; it must not hold a request or the watcher's callbacks.
        var result = await Task.Run(() => store.Reload(cancellationToken), cancellationToken);
        metrics.RecordReload(refused: result.Problems.Count > 0);
        if (result.Problems.Count > 0)
        {
            foreach (var problem in result.Problems)
            {
                LogProblem(reason, problem.File, problem.Line, problem.Message);
            }
        }
        else
        {
            LogReloaded(reason, result.Changed, store.Status.Passages, store.Status.Sources);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge reload ({Reason}) refused; still serving the previous knowledge: {File}:{Line}: {Problem}")]
    private partial void LogProblem(string reason, string file, int line, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge reload ({Reason}): changed {Changed}, {Passages} passages from {Sources} sources")]
    private partial void LogReloaded(string reason, bool changed, int passages, int sources);
}
