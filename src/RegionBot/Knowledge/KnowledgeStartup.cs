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
            var store = services.GetRequiredService<KnowledgeStore>();
            readiness.MarkLoaded(store);
            LogLoaded(store.Status.Passages, store.Status.Sources, string.Join(", ", store.Status.CoveredCountries));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Passages} passages from {Sources} sources covering {Countries}")]
    private partial void LogLoaded(int passages, int sources, string countries);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Invalid knowledge: {File}:{Line}: {Problem}")]
    private partial void LogProblem(string file, int line, string problem);
}
