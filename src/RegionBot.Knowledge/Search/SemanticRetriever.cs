using Microsoft.Extensions.Logging;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Knowledge.Search;

/// <summary>A passage the semantic leg found, with its rank (1 is the best) and its cosine with the question.</summary>
internal sealed record SemanticCandidate(int Ordinal, Passage Passage, int Rank, float Cosine);

/// <summary>
/// The semantic leg: embeds the question (through the cache) and scans the passage vectors for the nearest ones,
/// among the passages of the countries the question is about. It never throws for what a user typed: if the model
/// fails, the search goes on lexically.
/// </summary>
internal sealed class SemanticRetriever(KnowledgeBase knowledge, SemanticIndex index, QuestionEmbedder embedder, ILogger logger)
{
    public const int Candidates = 10;

    /// <summary>
    /// Where the rows of each set of countries a question has named are stored, found once for the vectors (which
    /// never change once ready). Bounded by the number of sets of countries there are.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> rowsByCountries = new(StringComparer.Ordinal);

    /// <summary>True once every passage has its vector.</summary>
    public bool IsReady => index.Vectors is not null;

    public SemanticProgress Progress => index.Progress;

    /// <summary>The nearest passages, best first; empty when the vectors are not ready or the model failed.</summary>
    public IReadOnlyList<SemanticCandidate> Rank(string text, IReadOnlyList<string> countries, IReadOnlySet<string> excluded, CancellationToken cancellationToken)
    {
        if (index.Vectors is not { } vectors)
        {
            return [];
        }

        embedder.CountLegRun();
        float[] query;
        try
        {
            query = embedder.Embed(text, cancellationToken, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The question could not be embedded; answering lexically");
            return [];
        }

        var rows = countries.Count switch
        {
            0 => null,
            // One country, as most questions name, is its own key: no key is built on the way to every scan.
            1 => rowsByCountries.GetOrAdd(countries[0], country => vectors.StoredRows(knowledge.OrdinalsByCountry[country])),
            _ => rowsByCountries.GetOrAdd(
                string.Join('|', countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                _ => vectors.StoredRows(countries.Distinct(StringComparer.Ordinal).SelectMany(c => knowledge.OrdinalsByCountry[c]))),
        };
        Func<int, bool>? allowed = excluded.Count == 0 ? null : ordinal => !excluded.Contains(knowledge.Passages[ordinal].Id);
        return vectors.Nearest(query, Candidates, rows, allowed)
            .Select((hit, i) => new SemanticCandidate(hit.Ordinal, knowledge.Passages[hit.Ordinal], i + 1, hit.Cosine))
            .ToArray();
    }
}
