using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;

namespace RegionBot.Benchmarks.Synthetic;

/// <summary>
/// The words synthetic passages are written with, ranked so that sampling them by a Zipf law gives postings lists
/// shaped like real English: a few very common function words, the real article's vocabulary in the middle, and a
/// long tail of a few thousand other English and political words that makes the term dictionary realistically large.
/// </summary>
public sealed partial class SyntheticVocabulary
{
    /// <summary>How many words of the English word list join the tail.</summary>
    public const int EnglishTailSize = 3000;

    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by", "is", "was", "its", "from",
        "at", "has", "have", "had", "be", "are", "were", "it", "this", "which", "their", "after", "also", "will",
        "not", "an", "or", "but", "would", "more", "over", "about", "into", "than", "other", "been", "who", "they",
        "he", "his", "its", "while", "since", "between", "both", "such", "these", "those", "all", "any", "most",
    ];

    private static readonly string[] PoliticalWords =
    [
        "government", "ministry", "minister", "president", "parliament", "delegation", "summit", "talks", "negotiations",
        "border", "security", "military", "army", "troops", "exercises", "drills", "defence", "alliance", "treaty",
        "sanctions", "recognition", "diplomacy", "diplomatic", "embassy", "ambassador", "consulate", "envoy", "visit",
        "refugees", "migration", "humanitarian", "aid", "assistance", "food", "crisis", "trade", "transit", "railway",
        "pipeline", "electricity", "energy", "gas", "water", "irrigation", "canal", "river", "bridge", "checkpoint",
        "smuggling", "narcotics", "drugs", "terrorism", "extremism", "militants", "insurgents", "fighters", "weapons",
        "helicopters", "aircraft", "pilots", "airbase", "garrison", "deployment", "mobilisation", "reinforcements",
        "cooperation", "partnership", "investment", "loans", "infrastructure", "corridor", "markets", "exports",
        "imports", "tariffs", "customs", "economy", "stability", "instability", "threat", "threats", "risk", "risks",
        "statement", "declaration", "communique", "resolution", "council", "committee", "organisation", "union",
        "election", "elections", "opposition", "coalition", "inclusive", "legitimacy", "constitution", "rights",
        "women", "girls", "education", "schools", "minorities", "ethnic", "tajiks", "uzbeks", "pashtuns", "hazaras",
        "evacuation", "flights", "airport", "convoy", "shipment", "wheat", "flour", "fuel", "medicine", "vaccines",
        "spokesperson", "official", "officials", "analysts", "observers", "experts", "sources", "reports", "media",
        "neighbours", "region", "regional", "international", "community", "partners", "allies", "rivals", "influence",
        "moscow", "beijing", "washington", "islamabad", "tehran", "dushanbe", "tashkent", "bishkek", "ashgabat",
        "astana", "almaty", "termez", "mazar", "herat", "kunduz", "badakhshan", "panjshir", "hairatan", "sco", "csto",
        "un", "nato", "cis", "eurasian", "summitry", "bilateral", "multilateral", "trilateral", "memorandum",
    ];

    private SyntheticVocabulary(IReadOnlyList<string> rankedWords)
    {
        RankedWords = rankedWords;
    }

    /// <summary>The words from most to least frequent.</summary>
    public IReadOnlyList<string> RankedWords { get; }

    /// <summary>
    /// The vocabulary from the real articles' passages and an English word list; the English tail is drawn with
    /// <paramref name="seed"/> so the same seed always gives the same vocabulary.
    /// </summary>
    public static SyntheticVocabulary Create(KnowledgeBase articles, IEnumerable<string> englishWords, int seed)
    {
        var ranked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddAll(IEnumerable<string> words)
        {
            foreach (var word in words)
            {
                if (seen.Add(word))
                {
                    ranked.Add(word);
                }
            }
        }

        AddAll(FunctionWords);

        // The article's own words by how often it uses them, so the questions of the evaluation set find terms
        // with realistic document frequencies in the synthetic passages.
        var articleWords = articles.Passages
            .SelectMany(p => Word().Matches(p.Text.ToLowerInvariant()).Select(m => m.Value))
            .Where(w => w.Length >= 3)
            .GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        AddAll(Interleave(articleWords.ToArray(), PoliticalWords));

        var random = new Random(seed);
        var english = englishWords
            .Where(w => w.Length >= 3 && Word().IsMatch(w) && Word().Match(w).Length == w.Length)
            .Order(StringComparer.Ordinal)
            .ToArray();
        random.Shuffle(english);
        AddAll(english.Take(EnglishTailSize));
        return new SyntheticVocabulary(ranked);
    }

    private static IEnumerable<string> Interleave(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        for (var i = 0; i < Math.Max(first.Count, second.Count); i++)
        {
            if (i < first.Count)
            {
                yield return first[i];
            }

            if (i < second.Count)
            {
                yield return second[i];
            }
        }
    }

    [GeneratedRegex("[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
