using System.Globalization;
using System.Reflection;
using System.Text;
using RegionBot.Knowledge.Search;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// Tells which language a message is written in, from the text itself: its script, the Russian lexicon's words and
/// English's common words, and the letters and words of the region's other languages. The client's locale
/// (Teams sends the user's) and the language of the conversation so far only decide when the text does not: a bare
/// name, a number, an emoji. English is the default.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Cyrillic letters that Russian does not use: Kazakh, Kyrgyz, Tajik, Uzbek, Ukrainian, Belarusian.</summary>
    private const string OtherCyrillicLetters = "әғқңөұүһіїєґҳҷӣӯўӘҒҚҢӨҰҮҺІЇЄҐҲҶӢӮЎ";

    /// <summary>Latin letters of Turkic alphabets (Turkmen, Uzbek, Kazakh) that English text does not use.</summary>
    private const string OtherLatinLetters = "äçňşýıǵńúžğʻ";

    /// <summary>Endings of Turkic words (plural, accusative, genitive, question) that Russian words do not have.</summary>
    private static readonly string[] TurkicCyrillicEndings = ["лардын", "лердин", "ларды", "лерди", "дарды", "дерди", "тарды", "терди", "ларга", "лерге", "дардын", "дердин"];

    /// <summary>Endings of Uzbek and Turkmen words written in Latin letters.</summary>
    private static readonly string[] TurkicLatinEndings = ["ni", "mi", "ning", "lar", "larni", "larga", "dagi", "ydi", "madi", "midi"];

    private static readonly HashSet<string> OtherLanguageWords = ReadOtherLanguageWords();

    /// <summary>Whether the text has any Cyrillic letter: a Russian reply shows such words, never English ones.</summary>
    public static bool HasCyrillic(string text) => RussianText.IsCyrillic(text);

    /// <summary>
    /// The language of <paramref name="text"/>. <paramref name="locale"/> is the client's (e.g. "ru-RU"), and
    /// <paramref name="previous"/> the language of the conversation's previous message; both only break a tie.
    /// </summary>
    public static Language Detect(string? text, string? locale = null, Language? previous = null)
    {
        var evidence = Weigh(text ?? string.Empty);
        if (evidence.Unsupported)
        {
            return Language.Unsupported;
        }

        if (evidence.Russian > evidence.English)
        {
            return Language.Russian;
        }

        if (evidence.English > evidence.Russian)
        {
            return Language.English;
        }

        // Names alone say nothing of the language, but written in Cyrillic they are most likely Russian.
        if (evidence.CyrillicOnly)
        {
            return Language.Russian;
        }

        if (previous is Language.English or Language.Russian)
        {
            return previous.Value;
        }

        return locale is not null && locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? Language.Russian : Language.English;
    }

    private readonly record struct Evidence(double English, double Russian, bool Unsupported, bool CyrillicOnly = false);

    private static Evidence Weigh(string text)
    {
        if (text.Length > WordSplitterLimit)
        {
            text = text[..WordSplitterLimit];
        }

        // Russian typed in Latin letters is Russian.
        text = RussianTranslit.Read(text, RussianLexicon.Default) ?? text;

        // A text mostly in a script neither language uses (Chinese, Arabic, ...) is in another language.
        var (latin, cyrillic, other) = CountLetters(text);
        if (other > 0 && other >= latin + cyrillic)
        {
            return new Evidence(0, 0, true);
        }

        double english = 0, russian = 0, cyrillicForeign = 0, latinForeign = 0;
        var lexicon = Lexicon.Default;
        var russianLexicon = RussianLexicon.Default;
        foreach (var word in RussianText.Words(text))
        {
            var lower = word.ToLowerInvariant();
            if (RussianText.IsCyrillic(word))
            {
                var normalized = RussianText.Normalize(word);
                if (normalized.Any(c => OtherCyrillicLetters.Contains(c, StringComparison.Ordinal)) || OtherLanguageWords.Contains(normalized))
                {
                    cyrillicForeign += 2;
                }
                else if (russianLexicon.TryReadWord(word, out _, out var isName))
                {
                    // Names are shared by every language of the region: "Казахстан" says nothing about the language.
                    russian += isName ? 0 : 1;
                }
                else if (TurkicCyrillicEndings.Any(e => normalized.EndsWith(e, StringComparison.Ordinal)) || HasDoubledVowel(normalized))
                {
                    cyrillicForeign += 1;
                }
                else
                {
                    // Russian is the Cyrillic language most users of this bot write; an unknown Cyrillic word leans to it.
                    russian += 0.5;
                }
            }
            else if (word.Any(char.IsLetter))
            {
                var known = lexicon.EnglishWords.Contains(lower) || lexicon.GenericWords.Contains(lower);
                var named = lexicon.CountryAliases.ContainsKey(lower) || lexicon.UncoveredAliases.ContainsKey(lower) || lexicon.MentionedAliases.ContainsKey(lower);
                if (OtherLanguageWords.Contains(lower) || (!known && !named && lower.Any(c => OtherLatinLetters.Contains(c, StringComparison.Ordinal))))
                {
                    latinForeign += 2;
                }
                else if (known)
                {
                    english += 1;
                }
                else if (!named && TurkicLatinEndings.Any(e => lower.Length > e.Length + 2 && lower.EndsWith(e, StringComparison.Ordinal)))
                {
                    latinForeign += 1;
                }
            }
        }

        // Another language needs clear evidence, more than English or Russian has in the same text.
        var unsupported = (cyrillicForeign >= 2 && cyrillicForeign > russian + english)
            || (latinForeign >= 2 && latinForeign > english + russian);
        return new Evidence(english, russian, unsupported, cyrillic > 0 && latin == 0);
    }

    private const int WordSplitterLimit = 1000;

    private static (int Latin, int Cyrillic, int Other) CountLetters(string text)
    {
        int latin = 0, cyrillic = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            if (rune.IsAscii || (rune.Value is >= 0x00C0 and <= 0x024F) || rune.Value is 0x02BB or 0x02BC)
            {
                latin++;
            }
            else if (rune.Value is >= 0x0400 and <= 0x052F)
            {
                cyrillic++;
            }
            else
            {
                other++;
            }
        }

        return (latin, cyrillic, other);
    }

    /// <summary>Kyrgyz and Mongolian write long vowels doubled ("тааныйбы"); Russian words almost never do.</summary>
    private static bool HasDoubledVowel(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] == word[i + 1] && "аыуэ".Contains(word[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> ReadOtherLanguageWords()
    {
        const string resource = "RegionBot.Knowledge.Lexicon.other-languages.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || colon < 0)
            {
                continue;
            }

            foreach (var word in trimmed[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words.Add(RussianText.Normalize(word.ToLower(CultureInfo.InvariantCulture)));
            }
        }

        return words;
    }
}
