using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// The names by which a question points at a speaker of the knowledge: each word of their name (of four letters or
/// more, not an institution's word), and the whole name, each with the speaker's country.
/// </summary>
internal sealed class SpeakerAliases
{
    private readonly Lexicon lexicon;
    private readonly Dictionary<string, (string Speaker, string Country)> aliases;
    private readonly Dictionary<(char First, int Length), string[]> byShape;

    public SpeakerAliases(KnowledgeBase knowledge, Lexicon lexicon)
    {
        this.lexicon = lexicon;
        aliases = Build(knowledge, lexicon);
        byShape = aliases.Keys
            .Where(alias => alias.Length >= 6 && !alias.Contains(' ', StringComparison.Ordinal))
            .GroupBy(alias => (alias[0], alias.Length))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every word of every alias, for the typo corrector to know.</summary>
    public IEnumerable<string> Words => aliases.Keys.SelectMany(k => k.Split(' '));

    public bool TryGet(string phrase, out (string Speaker, string Country) speaker) => aliases.TryGetValue(phrase, out speaker);

    /// <summary>
    /// Names are spelt in several ways ("Kazakbaev", "Kazakbayev"): one letter apart still names the speaker. Like
    /// typo correction, it trusts the first letter.
    /// </summary>
    public (string Speaker, string Country)? Closest(string word)
    {
        if (word.Length < 6 || lexicon.GenericWords.Contains(word))
        {
            return null;
        }

        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            foreach (var alias in byShape.GetValueOrDefault((word[0], length), []))
            {
                if (EditDistance.Bounded(word, alias, 1) <= 1)
                {
                    return aliases[alias];
                }
            }
        }

        return null;
    }

    private static Dictionary<string, (string Speaker, string Country)> Build(KnowledgeBase knowledge, Lexicon lexicon)
    {
        var aliases = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var speakers = knowledge.Passages
            .Where(p => p.Speaker is not null && !string.Equals(p.Country, Countries.Region, StringComparison.Ordinal))
            .GroupBy(p => p.Speaker!, StringComparer.Ordinal);
        foreach (var group in speakers)
        {
            var country = group.GroupBy(p => p.Country, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
            var nameWords = WordSplitter.Words(group.Key)
                .Where(w => w.Length >= 4 && !lexicon.InstitutionWords.Contains(w) && !lexicon.CountryAliases.ContainsKey(w) && !lexicon.GenericWords.Contains(w))
                .ToArray();
            foreach (var word in nameWords)
            {
                aliases.TryAdd(word, (group.Key, country));
            }

            if (nameWords.Length > 0)
            {
                aliases.TryAdd(string.Join(' ', WordSplitter.Words(group.Key)), (group.Key, country));
            }
        }

        return aliases;
    }
}
