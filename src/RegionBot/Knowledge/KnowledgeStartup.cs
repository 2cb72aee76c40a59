using RegionBot.Knowledge.Loading;

namespace RegionBot.Knowledge;

/// <summary>
/// Loads the knowledge when the application starts, before the server accepts requests, so the first question
/// does not pay for the index and invalid knowledge stops the application instead of being half-served.
/// </summary>
internal sealed partial class KnowledgeStartup(
    IServiceProvider services,
    KnowledgeReadiness readiness,
    ILogger<KnowledgeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The store logs what it loaded; this only makes the health endpoint report it.
            readiness.MarkLoaded(services.GetRequiredService<KnowledgeStore>());

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

    [LoggerMessage(Level = LogLevel.Critical, Message = "Invalid knowledge: {File}:{Line}: {Problem}")]
    private partial void LogProblem(string file, int line, string problem);
}
