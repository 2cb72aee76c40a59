using System.Text.RegularExpressions;

namespace RegionBot.Knowledge.Languages;

/// <summary>How Russian text is split into words and normalised before it is stemmed or looked up.</summary>
internal static partial class RussianText
{
    /// <summary>
    /// Lower case, with "ё" read as "е": Russian writers use either, and the lexicon is kept in "е" only.
    /// </summary>
    public static string Normalize(string word) => word.ToLowerInvariant().Replace('ё', 'е');

    /// <summary>Whether a character is Cyrillic (the basic block and its supplement, where Kazakh and Tajik letters live).</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u052F';

    /// <summary>Whether a word is written in Cyrillic letters.</summary>
    public static bool IsCyrillic(string word) => word.Any(IsCyrillic);

    /// <summary>
    /// The words of a text as the user wrote them, in order. Cyrillic words joined by hyphens are split ("что-то",
    /// "Нур-Султан"), the way the lexicon's own phrases are split; other words keep their inner hyphens and
    /// apostrophes ("al-qaeda", "o'zbekiston").
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            if (IsCyrillic(match.Value) && match.Value.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in match.Value.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part;
                }
            }
            else
            {
                yield return match.Value;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’ʻʼ\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
