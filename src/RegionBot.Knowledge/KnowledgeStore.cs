using Microsoft.Extensions.Logging;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Knowledge;

/// <summary>What the loaded knowledge holds, for health checks and status pages.</summary>
public sealed record KnowledgeStatus(int Passages, int Sources, DateTimeOffset LoadedAt, IReadOnlyList<string> CoveredCountries);

/// <summary>
/// Owns the loaded knowledge and its search index for the application's lifetime.
/// </summary>
public sealed class KnowledgeStore : IPassageSearch, IDisposable
{
    /// <summary>Loads and validates the knowledge folder and builds its index.</summary>
    /// <exception cref="Loading.KnowledgeValidationException">The folder has problems; each names its file and line.</exception>
    public static KnowledgeStore Open(string knowledgeDirectory, SearchOptions options, ILogger? logger = null) =>
        throw new NotImplementedException();

    public KnowledgeBase Knowledge => throw new NotImplementedException();

    public KnowledgeStatus Status => throw new NotImplementedException();

    public SearchAnswer Search(string question, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public void Dispose()
    {
    }
}
