using System.Globalization;
using System.Text;
using RegionBot.Knowledge.Search;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// Reads a Russian question as the English words the search understands, with no translation service: each word or
/// phrase is looked up in the bilingual lexicon by its stems, the longest phrase first; a word one typo away from a
/// single lexicon entry is read as that entry. Latin words and numbers are kept as written ("что сказал Tokayev").
/// A Russian word the lexicon does not know is kept as it is, so the search counts it as a word of the question it
/// cannot find, as it does an English word the knowledge never uses; one capitalised inside a sentence is most
/// likely a name, and is transliterated so that the search treats it as one ("Жапаров" → "zhaparov").
/// </summary>
internal sealed class RussianQuestionReader
{
    private readonly RussianLexicon lexicon;

    public RussianQuestionReader(RussianLexicon lexicon)
    {
        this.lexicon = lexicon;
    }

    public static RussianQuestionReader Default { get; } = new(RussianLexicon.Default);

    /// <summary>
    /// The English reading of a question with Cyrillic words in it, or of Russian typed in Latin letters
    /// (<see cref="RussianTranslit"/>); null when it is neither, so it is read as written.
    /// </summary>
    public string? Read(string question)
    {
        if (!question.Any(RussianText.IsCyrillic))
        {
            if (RussianTranslit.Read(question, lexicon) is not { } cyrillic)
            {
                return null;
            }

            question = cyrillic;
        }

        // Read no further than the search reads: it bounds the work whatever a user pastes.
        var bounded = question.Length > WordSplitter.MaxQuestionLength ? question[..WordSplitter.MaxQuestionLength] : question;
        var words = RussianText.Words(bounded).ToArray();
        var keys = words.Select(RussianLexicon.WordKey).ToArray();
        var exactKeys = words.Select(RussianLexicon.ExactKey).ToArray();
        var english = new List<string>();
        for (var start = 0; start < words.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(RussianLexicon.MaxPhraseWords, words.Length - start); length >= 1 && matched == 0; length--)
            {
                var found = length == 1
                    ? lexicon.TryReadWord(words[start], out var reading, out _)
                    : lexicon.TryRead(string.Join(' ', exactKeys, start, length), out reading, out _)
                        || lexicon.TryRead(string.Join(' ', keys, start, length), out reading, out _);
                if (found)
                {
                    if (reading != RussianLexicon.Dropped)
                    {
                        english.Add(reading);
                    }

                    matched = length;
                }
            }

            if (matched == 0)
            {
                english.Add(Unknown(words, start));
                matched = 1;
            }

            start += matched;
        }

        return string.Join(' ', english);
    }

    private string Unknown(string[] words, int index)
    {
        var word = words[index];
        if (!RussianText.IsCyrillic(word))
        {
            return word;
        }

        if (lexicon.Closest(word) is { } close)
        {
            return close;
        }

        // A capitalised word inside the question, or an acronym anywhere ("ТАПИ"), is a name the lexicon does not
        // know: written in Latin letters, it is searched as a name an answer must contain, as an unknown English name is.
        // A question typed all in capitals has no acronyms to tell apart. So is a surname typed in lower case
        // ("что сказал бердымухамедов"): a word with a surname's ending that is no Russian word.
        var capitalised = index > 0 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower);
        var acronym = word.Length is >= 2 and <= 5 && word.All(char.IsUpper) && words.Any(w => w.Any(char.IsLower));
        return capitalised || acronym || LooksLikeSurname(word) ? Transliterate(word) : RussianText.Normalize(word);
    }

    private static readonly string[] SurnameEndings = ["ов", "ев", "ин", "ова", "ева", "ина"];

    /// <summary>
    /// A word with a surname's ending that is neither a Russian word nor a misspelt name the lexicon knows ("такаев"
    /// is Tokayev, found by the search's own typo correction).
    /// </summary>
    private bool LooksLikeSurname(string word)
    {
        var normalized = RussianText.Normalize(word);
        return normalized.Length >= 6
            && SurnameEndings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal))
            && !IsRussianWord(normalized)
            && !lexicon.IsNearName(normalized);
    }

    /// <summary>
    /// Whether a word is a form of a dictionary word. The dictionary holds its lemmas' stems, and the stemmer cuts
    /// a lemma ending like a case ending once more than the case itself ("остров" to "остр", "островов" to "остров").
    /// </summary>
    private static bool IsRussianWord(string word)
    {
        var stem = RussianStemAnalyzer.Default.Stem(word);
        return RussianDictionary.Default.HasStem(stem) || RussianDictionary.Default.HasStem(RussianStemAnalyzer.Default.Stem(stem));
    }

    private const string CyrillicLetters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";

    /// <summary>The Latin letters each of <see cref="CyrillicLetters"/> is written with, as names are in English news.</summary>
    private static readonly string[] LatinLetters =
    [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
        "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ];

    private static string Transliterate(string word)
    {
        var builder = new StringBuilder(word.Length + 4);
        foreach (var c in RussianText.Normalize(word))
        {
            var index = CyrillicLetters.IndexOf(c, StringComparison.Ordinal);
            builder.Append(index >= 0 ? LatinLetters[index] : c.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
