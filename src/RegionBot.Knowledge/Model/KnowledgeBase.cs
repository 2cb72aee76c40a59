namespace RegionBot.Knowledge.Model;

/// <summary>Everything loaded from the knowledge folder: the sources and their passages, in file order.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(IReadOnlyList<Source> sources, IReadOnlyList<Passage> passages, string contentHash)
    {
        Sources = sources;
        Passages = passages;
        ContentHash = contentHash;
        CoveredCountries = passages
            .Select(p => p.Country)
            .Where(c => !string.Equals(c, Countries.Region, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToArray();
        OrdinalsByCountry = passages
            .Select((passage, ordinal) => (passage.Country, ordinal))
            .ToLookup(p => p.Country, p => p.ordinal, StringComparer.Ordinal);
    }

    public IReadOnlyList<Source> Sources { get; }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>A hash over the knowledge files' names and bytes, so an unchanged knowledge folder can be recognised.</summary>
    public string ContentHash { get; }

    /// <summary>
    /// Where each country's passages are in <see cref="Passages"/>, countries in the order they first appear; a country
    /// without passages has none.
    /// </summary>
    public ILookup<string, int> OrdinalsByCountry { get; }

    /// <summary>The countries at least one passage is about, in alphabetical order, without the regional overview.</summary>
    public IReadOnlyList<string> CoveredCountries { get; }
}
