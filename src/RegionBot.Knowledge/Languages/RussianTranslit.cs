using System.Text;
using RegionBot.Knowledge.Search;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// Reads Russian typed in Latin letters ("kazahstan priznaet talibov?", "chto skazal tokaev"), as people across
/// Central Asia do on phones and keyboards without Cyrillic, back into Cyrillic, so that the Russian reader and the
/// language detector treat it as the Russian it is. A text counts as such only when more of its words read as Russian
/// words of the bilingual lexicon (or as the common words of questions) than as English words, or at least one does and
/// none is English: English with a name or two in it stays English.
/// </summary>
internal static class RussianTranslit
{
    /// <summary>Words that are Russian and never English, as they are written in Latin letters.</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "chto", "shto", "kak", "pochemu", "zachem", "kogda", "skolko", "kto", "gde", "kuda", "li", "pro", "ili", "eto",
        "dlya", "tolko", "eshche", "esche", "uzhe", "seychas", "mozhno", "kakie", "kakoy", "kakoi", "kakaya", "kakuyu",
        "kakim", "kakih", "kakikh", "chem", "ob", "nado", "budet", "byl", "bylo", "byli", "est", "net", "tozhe", "takzhe",
        "iz", "ot", "po", "za", "ne", "takoi", "takoy", "takaya", "takoe", "kotoryi", "kotoryy", "kotoraya", "kotorye", "oni",
        "ona", "ikh", "vse", "vsyo", "mnogo",
    };

    /// <summary>
    /// Endings typed for "ый", "ой" and "ей" that letter-by-letter reading gets wrong ("kazhdyi" is "каждый", not
    /// "каждыи"; "takoi" is "такой").
    /// </summary>
    private static readonly (string Latin, string Cyrillic)[] Endings = [("yi", "ый"), ("oi", "ой"), ("ei", "ей")];

    /// <summary>Latin spellings of Cyrillic letters, the longest first so that "shch" is read before "sh" and "ch".</summary>
    private static readonly (string Latin, string Cyrillic)[] Spellings =
    [
        ("t'sya", "ться"), ("tsya", "тся"), ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
        ("ju", "ю"), ("iu", "ю"), ("ya", "я"), ("ja", "я"), ("ia", "я"), ("yo", "ё"), ("jo", "ё"), ("a", "а"),
        ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("j", "й"),
        ("k", "к"), ("q", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
        ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("x", "х"), ("c", "ц"), ("'", "ь"),
    ];

    private const string Vowels = "аеёиоуыэюя";

    /// <summary>Russian words that start with "е"; any other word starting with "e" starts with "э" ("emirat", "eto").</summary>
    private static readonly string[] StartingWithYe = ["ego", "emu", "ee", "ey", "esli", "eshche", "esche", "est", "edin", "eda", "edy", "evrop", "egip"];

    /// <summary>
    /// The last text read on this thread and its reading. A message is read twice in a row, once to tell its language
    /// and once to search it; remembering one reading per thread saves the second without a cache that could grow.
    /// </summary>
    [ThreadStatic]
    private static (string Text, RussianLexicon Lexicon, string? Reading)? last;

    /// <summary>The text in Cyrillic when it is Russian typed in Latin letters; null otherwise.</summary>
    public static string? Read(string text, RussianLexicon lexicon)
    {
        if (last is { } known && ReferenceEquals(known.Lexicon, lexicon) && string.Equals(known.Text, text, StringComparison.Ordinal))
        {
            return known.Reading;
        }

        var reading = ReadNow(text, lexicon);
        last = (text, lexicon, reading);
        return reading;
    }

    private static string? ReadNow(string text, RussianLexicon lexicon)
    {
        if (text.Any(RussianText.IsCyrillic))
        {
            return null;
        }

        var bounded = text.Length > WordSplitter.MaxQuestionLength ? text[..WordSplitter.MaxQuestionLength] : text;
        var (russian, english) = Weigh(bounded, lexicon);
        // Two Russian words outweigh one English word ("chto skazal tokaev pro taliban"); with no English word at
        // all, one is enough ("kazahstan priznaet talibov?": the rest are names, which every language shares).
        if (!(russian >= 2 && russian > english) && !(russian >= 1 && english == 0))
        {
            return null;
        }

        var builder = new StringBuilder(bounded.Length + 8);
        var start = -1;
        for (var i = 0; i <= bounded.Length; i++)
        {
            var inWord = i < bounded.Length && (char.IsAsciiLetter(bounded[i]) || (bounded[i] == '\'' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                builder.Append(ToKnownCyrillic(bounded[start..i], lexicon));
                start = -1;
            }

            if (!inWord && i < bounded.Length)
            {
                builder.Append(bounded[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>How many words read as Russian and how many are English, for the language detector.</summary>
    public static (int Russian, int English) Weigh(string text, RussianLexicon lexicon)
    {
        int russian = 0, english = 0;
        foreach (var word in WordSplitter.Words(text))
        {
            if (word.Length < 2 || !word.All(char.IsAsciiLetter))
            {
                continue;
            }

            if (QuestionWords.Contains(word))
            {
                russian++;
            }
            else if (Lexicon.Default.EnglishWords.Contains(word) || Lexicon.Default.GenericWords.Contains(word))
            {
                english++;
            }
            else if (word.Length >= 4 && lexicon.TryReadWord(ToKnownCyrillic(word, lexicon), out _, out var isName) && !isName)
            {
                russian++;
            }
        }

        return (russian, english);
    }

    /// <summary>
    /// One word in Cyrillic, as the lexicon knows it where it can: "sh" is typed for "щ" as often as for "ш"
    /// ("obshaetsya" is "общается"), the soft sign is often left out ("den" is "день"), and "oi" at the end is as
    /// often "ои" ("svoi") as "ой".
    /// </summary>
    private static string ToKnownCyrillic(string word, RussianLexicon lexicon)
    {
        var reading = ToCyrillic(word);
        if (lexicon.TryReadWord(reading, out _, out _))
        {
            return reading;
        }

        string[] others = [ToCyrillic(word, readEnding: false), reading.Replace('ш', 'щ'), reading + "ь"];
        return others.FirstOrDefault(other => !string.Equals(other, reading, StringComparison.Ordinal) && lexicon.TryReadWord(other, out _, out _)) ?? reading;
    }

    /// <summary>One word in Cyrillic: "y" after a vowel is "й" ("kakoy"), elsewhere "ы" ("talibami" has none, "vyvod" one).</summary>
    /// <param name="readEnding">Whether "yi", "oi" and "ei" at the end are read as "ый", "ой" and "ей".</param>
    public static string ToCyrillic(string word, bool readEnding = true)
    {
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        var ending = readEnding ? Endings.FirstOrDefault(e => lower.Length > e.Latin.Length + 1 && lower.EndsWith(e.Latin, StringComparison.Ordinal)) : default;
        if (lower.StartsWith('e') && !StartingWithYe.Any(start => lower.StartsWith(start, StringComparison.Ordinal)))
        {
            builder.Append('э');
            lower = lower[1..];
        }

        if (ending.Latin is not null)
        {
            lower = lower[..^ending.Latin.Length];
        }

        for (var i = 0; i < lower.Length;)
        {
            if (lower[i] == 'y' && !(i + 1 < lower.Length && lower[i + 1] is 'a' or 'u' or 'o'))
            {
                builder.Append(builder.Length > 0 && Vowels.Contains(builder[^1], StringComparison.Ordinal) ? 'й' : 'ы');
                i++;
                continue;
            }

            var spelling = Spellings.FirstOrDefault(s => string.CompareOrdinal(lower, i, s.Latin, 0, s.Latin.Length) == 0);
            if (spelling.Latin is null)
            {
                builder.Append(lower[i]);
                i++;
                continue;
            }

            builder.Append(spelling.Cyrillic);
            i += spelling.Latin.Length;
        }

        return builder.Append(ending.Cyrillic).ToString();
    }
}
