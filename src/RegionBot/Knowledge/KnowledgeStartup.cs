using RegionBot.Knowledge.Loading;

namespace RegionBot.Knowledge;

/// <summary>
/// Loads the knowledge when the application starts, before the server accepts requests, so the first question
/// does not pay for the index and invalid knowledge stops the application instead of being half-served.
/// </summary>
internal sealed partial class KnowledgeStartup(
    IServiceProvider services,
    KnowledgeReadiness readiness,
    IHostApplicationLifetime lifetime,
    ILogger<KnowledgeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The store logs what it loaded; this only makes the health endpoint report it.
            var store = services.GetRequiredService<KnowledgeStore>();
            readiness.MarkLoaded(store);

            // The embedding model is loaded once the app serves, so that loading it does not compete with start-up
            // for the cores; until it is in memory, the first search by meaning loads it.
            lifetime.ApplicationStarted.Register(() => Task.Run(() => WarmUp(store)));

            // Loading large knowledge leaves hundreds of megabytes of garbage (file text, word counts, index
            // buffers) that no later collection would return to the system soon; one aggressive collection now,
            // before the first request, hands it back so the resident memory is the live knowledge.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (KnowledgeValidationException invalid)
        {
            foreach (var problem in invalid.Problems)
            {
                LogProblem(problem.File, problem.Line, problem.Message);
            }

            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarmUp(KnowledgeStore store)
    {
        try
        {
            store.WarmUp();

            // Loading the model leaves its file's bytes and ONNX Runtime's set-up as garbage; as after loading the
            // knowledge, one aggressive collection hands that memory back rather than keep it resident.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception ex)
        {
            // Each search by meaning tries the model again and answers lexically if it fails; nothing else depends on it.
            LogWarmUpFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding model could not be loaded at start-up; searches answer lexically until it can")]
    private partial void LogWarmUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Invalid knowledge: {File}:{Line}: {Problem}")]
    private partial void LogProblem(string file, int line, string problem);
}
