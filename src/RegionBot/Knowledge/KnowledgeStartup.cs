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
