using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RegionBot.Knowledge.Search;

/// <summary>Cleans text a user typed and splits it into the lower-case words the rest of the search reads.</summary>
internal static partial class WordSplitter
{
    /// <summary>Questions are cut to this many characters: no real question is longer, and it bounds the work.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Removes what no question needs and no analyzer should see: control and format characters, lone surrogates.</summary>
    internal static string Clean(string question)
    {
        var text = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var drop = rune == Rune.ReplacementChar
                || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;
            builder.Append(drop ? ' ' : rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits text into lower-case words, keeping inner hyphens, dropping possessive endings and opening
    /// contractions ("won't" → "will not"). "US" in capitals is the country, not the pronoun, so it becomes "usa"
    /// before case is lost.
    /// </summary>
    internal static IEnumerable<string> Words(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            if (string.Equals(match.Value, "US", StringComparison.Ordinal))
            {
                yield return "usa";
                continue;
            }

            var word = match.Value.ToLowerInvariant().Replace('’', '\'');
            var apostrophe = word.IndexOf('\'');
            if (apostrophe < 0)
            {
                yield return word;
                continue;
            }

            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith('\''))
            {
                yield return word[..word.LastIndexOf('\'')];
                continue;
            }

            if (Contractions.TryGetValue(word, out var opened))
            {
                foreach (var part in opened.Split(' '))
                {
                    yield return part;
                }

                continue;
            }

            var contraction = ContractionEndings.FirstOrDefault(c => word.EndsWith(c.Key, StringComparison.Ordinal));
            if (contraction.Key is not null)
            {
                yield return word[..^contraction.Key.Length];
                yield return contraction.Value;
            }
            else
            {
                yield return word.Replace("'", string.Empty, StringComparison.Ordinal);
            }
        }
    }

    private static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["won't"] = "will not",
        ["can't"] = "can not",
        ["shan't"] = "shall not",
        ["ain't"] = "is not",
    };

    /// <summary>What a contraction's ending stands for; the part before it is kept ("they're" → "they are").</summary>
    private static readonly Dictionary<string, string> ContractionEndings = new(StringComparer.Ordinal)
    {
        ["n't"] = "not",
        ["'m"] = "am",
        ["'re"] = "are",
        ["'ve"] = "have",
        ["'ll"] = "will",
        ["'d"] = "would",
    };

    /// <summary>
    /// Counts the lower-case words of many texts. It reads characters directly rather than through
    /// <see cref="Words"/>, because it runs over the whole knowledge at load (millions of words at scale) and most
    /// words repeat: a repeated word costs a lookup, not an allocation.
    /// </summary>
    internal static Dictionary<string, int> CountWords(IEnumerable<string?> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            var length = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                var joins = c is '-' or '\'' or '’';
                if (char.IsLetterOrDigit(c) || (length > 0 && joins && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    if (length < buffer.Length)
                    {
                        buffer[length] = c == '’' ? '\'' : char.ToLowerInvariant(c);
                    }

                    length++;
                    continue;
                }

                if (length is > 0 and <= 64)
                {
                    var word = buffer[..length];
                    if (word.EndsWith("'s", StringComparison.Ordinal))
                    {
                        word = word[..^2];
                    }

                    lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
                }

                length = 0;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
