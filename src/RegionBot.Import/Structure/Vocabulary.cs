using RegionBot.Knowledge.Search;

namespace RegionBot.Import.Structure;

/// <summary>
/// The search's lexicon as the import needs it: which words name a covered country (names, demonyms, capitals),
/// and which name an actor outside the knowledge (Russia, Pakistan), so that "Russian Deputy Foreign Minister" is
/// not taken for a Central Asian official.
/// </summary>
internal static class Vocabulary
{
    private static readonly Lexicon Lexicon = Lexicon.Default;

    /// <summary>The longest alias in words ("nur sultan", "kyrgyz republic").</summary>
    private static readonly int LongestAlias = Lexicon.CountryAliases.Keys.Max(a => a.Split(' ').Length);

    /// <summary>The covered country a single word (possessive removed) names, or null.</summary>
    public static string? CountryOf(string word) => Lexicon.CountryAliases.GetValueOrDefault(Key(word));

    /// <summary>Whether a word names an actor the knowledge does not cover (a foreign country, its people or capital).</summary>
    public static bool IsForeign(string word)
    {
        var key = Key(word);
        return Lexicon.UncoveredAliases.ContainsKey(key) || Lexicon.MentionedAliases.ContainsKey(key) || key is "afghan" or "afghans" or "afghanistan" or "kabul";
    }

    public static bool IsEnglishWord(string word) => Lexicon.EnglishWords.Contains(word.ToLowerInvariant());

    /// <summary>Every covered country named in a text, once per mention, multi-word aliases included.</summary>
    public static IEnumerable<string> CountriesIn(string text)
    {
        var words = Words.Split(text).Select(Key).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            for (var length = Math.Min(LongestAlias, words.Length - i); length >= 1; length--)
            {
                if (Lexicon.CountryAliases.TryGetValue(string.Join(' ', words, i, length), out var country))
                {
                    yield return country;
                    i += length - 1;
                    break;
                }
            }
        }
    }

    /// <summary>A word as the lexicon lists it: lower case, without a possessive ending.</summary>
    public static string Key(string word)
    {
        var key = word.ToLowerInvariant().Replace('’', '\'');
        return key.EndsWith("'s", StringComparison.Ordinal) ? key[..^2] : key.TrimEnd('\'');
    }
}
