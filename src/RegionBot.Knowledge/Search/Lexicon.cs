using System.Reflection;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// The general vocabulary of the field, shipped with the library as text files under Search/Lexicon: which words
/// point at a covered country, which at an actor outside the knowledge, which mean the same thing, and which only
/// shape a question.
/// </summary>
internal sealed class Lexicon
{
    private Lexicon(
        Dictionary<string, string> countryAliases,
        Dictionary<string, string> uncoveredAliases,
        List<string[]> synonymGroups,
        HashSet<string> genericWords,
        HashSet<string> topicWords)
    {
        TopicWords = topicWords;
        CountryAliases = countryAliases;
        UncoveredAliases = uncoveredAliases;
        SynonymGroups = synonymGroups;
        GenericWords = genericWords;
    }

    public static Lexicon Default { get; } = Load();

    /// <summary>Alias (lower case, possibly several words) → covered country.</summary>
    public IReadOnlyDictionary<string, string> CountryAliases { get; }

    /// <summary>Alias → an actor the knowledge does not cover as a subject.</summary>
    public IReadOnlyDictionary<string, string> UncoveredAliases { get; }

    /// <summary>Groups of words and phrases that mean the same thing to a user.</summary>
    public IReadOnlyList<string[]> SynonymGroups { get; }

    /// <summary>Words that shape a question without naming its subject.</summary>
    public IReadOnlySet<string> GenericWords { get; }

    /// <summary>Words for what every passage is about implicitly (the Taliban, Afghanistan, the region).</summary>
    public IReadOnlySet<string> TopicWords { get; }

    /// <summary>Every word of every entry, so that the typo corrector knows them and corrects towards them.</summary>
    public IEnumerable<string> AllWords =>
        CountryAliases.Keys
            .Concat(UncoveredAliases.Keys)
            .Concat(SynonymGroups.SelectMany(g => g))
            .Concat(GenericWords)
            .Concat(TopicWords)
            .SelectMany(phrase => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Lexicon Load()
    {
        return new Lexicon(
            ReadAliases("countries"),
            ReadAliases("uncovered"),
            ReadLines("synonyms").Select(SplitList).ToList(),
            ReadLines("generic").SelectMany(SplitList).ToHashSet(StringComparer.Ordinal),
            ReadLines("topic").SelectMany(SplitList).ToHashSet(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> ReadAliases(string name)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadLines(name))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var owner = line[..colon].Trim();
            foreach (var alias in SplitList(line[(colon + 1)..]))
            {
                aliases[alias] = owner;
            }
        }

        return aliases;
    }

    private static string[] SplitList(string line) =>
        line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.ToLowerInvariant())
            .ToArray();

    private static IEnumerable<string> ReadLines(string name)
    {
        var resource = $"RegionBot.Knowledge.Lexicon.{name}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
