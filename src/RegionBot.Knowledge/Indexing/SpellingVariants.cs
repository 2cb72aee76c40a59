using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace RegionBot.Knowledge.Indexing;

/// <summary>
/// Folds American spellings into British ones (recognize → recognise, defense → defence, neighbor → neighbour), so a
/// question matches the knowledge whichever spelling either of them uses. Applied to indexed text and questions alike.
/// </summary>
internal static class SpellingVariants
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["defense"] = "defence",
        ["defenses"] = "defences",
        ["offense"] = "offence",
        ["offenses"] = "offences",
        ["license"] = "licence",
        ["center"] = "centre",
        ["centers"] = "centres",
        ["program"] = "programme",
        ["programs"] = "programmes",
        ["dialog"] = "dialogue",
        ["dialogs"] = "dialogues",
        ["catalog"] = "catalogue",
        ["fulfill"] = "fulfil",
        ["fulfills"] = "fulfils",
        ["fulfillment"] = "fulfilment",
        ["enrollment"] = "enrolment",
        ["traveled"] = "travelled",
        ["traveling"] = "travelling",
        ["gray"] = "grey",
        ["maneuver"] = "manoeuvre",
        ["maneuvers"] = "manoeuvres",
    };

    /// <summary>Stems whose American form drops the "u" of the British "-our" (neighbor, neighboring, ...).</summary>
    private static readonly string[] OurStems =
        ["neighbor", "labor", "color", "behavior", "favor", "honor", "harbor", "rumor", "humor", "vigor", "endeavor", "savior", "armor", "flavor", "valor", "odor"];

    private static readonly string[] IzeEndings = ["izations", "ization", "izing", "izers", "izer", "ized", "izes", "ize"];

    private static readonly string[] YzeEndings = ["yzing", "yzed", "yzes", "yze"];

    /// <summary>Returns the British spelling of a lower-case word, or the word itself.</summary>
    public static string ToBritish(string word)
    {
        if (Words.TryGetValue(word, out var british))
        {
            return british;
        }

        foreach (var stem in OurStems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return string.Concat(stem.AsSpan(0, stem.Length - 1), "ur", word.AsSpan(stem.Length));
            }
        }

        // Words like "size" and "seize" are too short to reach these rules; longer ones are folded on both sides
        // of the search, so an occasional fold of a non-variant word changes nothing that matters.
        return ReplaceEnding(word, IzeEndings, 'z', 's') ?? ReplaceEnding(word, YzeEndings, 'z', 's') ?? word;
    }

    private static string? ReplaceEnding(string word, string[] endings, char from, char to)
    {
        foreach (var ending in endings)
        {
            if (word.Length >= ending.Length + 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var chars = word.ToCharArray();
                var at = word.Length - ending.Length + ending.IndexOf(from, StringComparison.Ordinal);
                chars[at] = to;
                return new string(chars);
            }
        }

        return null;
    }
}

/// <summary>The token filter that applies <see cref="SpellingVariants"/> inside an analyzer chain.</summary>
internal sealed class SpellingVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public SpellingVariantFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = term.ToString();
        var british = SpellingVariants.ToBritish(word);
        if (!ReferenceEquals(word, british))
        {
            term.SetEmpty().Append(british);
        }

        return true;
    }
}
