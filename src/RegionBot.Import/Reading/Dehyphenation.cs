using RegionBot.Knowledge.Search;

namespace RegionBot.Import.Reading;

/// <summary>
/// Joins the lines of a paragraph laid out for print, undoing hyphenation at line ends: "organi-" + "sations"
/// becomes "organisations", while a word that is hyphenated anyway ("Kassym-Jomart", "long-standing",
/// "Kaysar-2021") keeps its hyphen. Where the document itself uses the word elsewhere, that spelling decides;
/// otherwise the English word list does.
/// </summary>
internal sealed class Dehyphenation
{
    private const char SoftHyphen = '\u00AD';

    private readonly HashSet<string> documentWords = new(StringComparer.OrdinalIgnoreCase);

    public Dehyphenation(IEnumerable<string> documentLines)
    {
        foreach (var line in documentLines)
        {
            foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                documentWords.Add(Bare(word));
            }
        }
    }

    public string Join(IReadOnlyList<string> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var next = line.Trim();
            if (text.Length == 0)
            {
                text.Append(next);
                continue;
            }

            var last = text[^1];
            if (last == SoftHyphen)
            {
                text.Length--;
            }
            else if (last is '-' or '\u2010' && text.Length > 1 && char.IsLetter(text[^2]) && next.Length > 0 && char.IsLetterOrDigit(next[0]))
            {
                if (!KeepsHyphen(LastWord(text), FirstWord(next)))
                {
                    text.Length--;
                }
            }
            else
            {
                text.Append(' ');
            }

            text.Append(next);
        }

        return text.ToString();
    }

    private bool KeepsHyphen(string left, string right)
    {
        // A name ("Kassym-Jomart", "Taliban-ruled") or a number ("Kaysar-2021") is hyphenated by its own spelling.
        if (right.Length == 0 || !char.IsLower(right[0]) || left.Length == 0 || char.IsUpper(left[0]))
        {
            return true;
        }

        var hyphenated = $"{left}-{right}";
        var joined = left + right;
        if (documentWords.Contains(hyphenated))
        {
            return true;
        }

        if (documentWords.Contains(joined))
        {
            return false;
        }

        var english = Lexicon.Default.EnglishWords;
        if (english.Contains(joined.ToLowerInvariant()))
        {
            return false;
        }

        return english.Contains(left.ToLowerInvariant()) && english.Contains(right.ToLowerInvariant());
    }

    private static string LastWord(System.Text.StringBuilder text)
    {
        var end = text.Length - 1;
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }

        return text.ToString(start, end - start);
    }

    private static string FirstWord(string line) => new(line.TakeWhile(c => char.IsLetterOrDigit(c)).ToArray());

    private static string Bare(string word) => word.Trim(".,;:!?\"“”‘’'()[]".ToCharArray());
}
