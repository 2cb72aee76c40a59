using System.Reflection;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// The bilingual lexicon: Russian words and phrases with the English words the search knows for them, read from
/// Search/Lexicon/russian-names.txt (countries, places, people, groups) and russian-words.txt (the field's words and
/// the words that shape a question). Words are compared by their Snowball stems, so one form covers its cases.
/// </summary>
internal sealed class RussianLexicon
{
    /// <summary>The longest phrase, in words, the lexicon holds or a question is matched against.</summary>
    public const int MaxPhraseWords = 5;

    /// <summary>The English side that drops the Russian words: they carry nothing the search could use.</summary>
    public const string Dropped = "-";

    /// <summary>Marks a form of the lexicon that matches only as written, and the keys of words compared as written.</summary>
    private const char ExactMarker = '=';

    /// <summary>Words shorter than this are compared as written, not by stem: the stems of short words collide.</summary>
    private const int MinStemmedLength = 4;

    /// <summary>Typos are forgiven only in words at least this long; in shorter ones one letter changes the word.</summary>
    private const int MinTypoLength = 5;

    private static readonly string[] Files = ["russian-names", "russian-words"];

    private readonly Dictionary<string, string> readings = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> singleWords = new(StringComparer.Ordinal);

    /// <summary>The one-word forms of names ("токаев", "токаева"), as written, for <see cref="IsNearName"/>.</summary>
    private readonly List<string> nameForms = [];

    /// <summary>Each name's first Russian form (its nominative), by the English name: "Tokayev" → "токаев".</summary>
    private readonly Dictionary<string, string> russianNames = new(StringComparer.Ordinal);

    private RussianLexicon(IEnumerable<(string File, int Line, string English, string Russian)> entries)
    {
        foreach (var (file, _, english, russian) in entries)
        {
            var exact = russian.StartsWith(ExactMarker);
            var words = RussianText.Words(exact ? russian[1..] : russian).ToArray();
            if (words.Length is 0 or > MaxPhraseWords)
            {
                continue;
            }

            var key = exact ? string.Join(' ', words.Select(ExactKey)) : Key(words);
            readings[key] = readings.TryGetValue(key, out var known) ? Merge(known, english) : english;
            if (string.Equals(file, "russian-names", StringComparison.Ordinal))
            {
                names.Add(key);
                if (!exact && words.All(RussianText.IsCyrillic))
                {
                    russianNames.TryAdd(english, russian);
                }
            }

            if (words.Length == 1)
            {
                var surface = RussianText.Normalize(words[0]);
                if (surface.Length >= MinTypoLength)
                {
                    singleWords[surface] = singleWords.TryGetValue(surface, out var other) ? Merge(other, english) : english;
                }

                if (string.Equals(file, "russian-names", StringComparison.Ordinal))
                {
                    nameForms.Add(surface);
                }
            }
        }
    }

    public static RussianLexicon Default { get; } = new(Files.SelectMany(ReadEntries));

    /// <summary>
    /// A person's or place's name as Russian media write it, capitalised ("Kassym-Jomart Tokayev" → "Касым-Жомарт
    /// Токаев"), or null when the lexicon has no Russian form for it.
    /// </summary>
    public string? RussianName(string english)
    {
        if (!russianNames.TryGetValue(english, out var russian))
        {
            return null;
        }

        var letters = russian.ToCharArray();
        for (var i = 0; i < letters.Length; i++)
        {
            if (i == 0 || letters[i - 1] is ' ' or '-')
            {
                letters[i] = char.ToUpperInvariant(letters[i]);
            }
        }

        return new string(letters);
    }

    /// <summary>How many Russian words and phrases the lexicon holds (after stemming has merged their forms).</summary>
    public int Count => readings.Count;

    /// <summary>The key of a word compared as written.</summary>
    public static string ExactKey(string word) => ExactMarker + RussianText.Normalize(word);

    /// <summary>The key a word is looked up by: its stem, or the word itself when it is short or not Cyrillic.</summary>
    public static string WordKey(string word)
    {
        var normalized = RussianText.Normalize(word);
        return normalized.Length < MinStemmedLength || !RussianText.IsCyrillic(normalized)
            ? ExactMarker + normalized
            : RussianStemAnalyzer.Default.Stem(normalized);
    }

    /// <summary>The key of a phrase: its words' keys in order.</summary>
    public static string Key(IEnumerable<string> words) => string.Join(' ', words.Select(WordKey));

    /// <summary>The English reading of a Russian word or phrase, given by its key; <see cref="Dropped"/> for words that carry nothing.</summary>
    public bool TryRead(string key, out string english, out bool isName)
    {
        isName = names.Contains(key);
        return readings.TryGetValue(key, out english!);
    }

    /// <summary>The English reading of one word: as written first, then by its stem.</summary>
    public bool TryReadWord(string word, out string english, out bool isName) =>
        TryRead(ExactKey(word), out english, out isName) || TryRead(WordKey(word), out english, out isName);

    /// <summary>
    /// The reading of a word one typo away (a letter added, dropped, changed or two swapped) from exactly one
    /// reading of the lexicon, compared both as written and by stem; null when there is none or it is ambiguous. Like
    /// the English typo correction, it trusts the first letter: short stems one letter apart are often different
    /// words ("кайд" is not "байд", Biden). Nor is a real word taken for a typo of another real word: "проходят"
    /// (pass) is one letter from "приход" (coming, of the Taliban to power), but both are words of the Russian
    /// dictionary (<see cref="RussianDictionary"/>) with stems of their own.
    /// </summary>
    public string? Closest(string word)
    {
        var surface = RussianText.Normalize(word);
        if (surface.Length < MinTypoLength || !RussianText.IsCyrillic(surface))
        {
            return null;
        }

        var stem = RussianStemAnalyzer.Default.Stem(surface);
        var isWord = RussianDictionary.Default.HasStem(stem);
        var found = singleWords
            .Where(entry => entry.Key.Length > 0 && entry.Key[0] == surface[0] && Edits.WithinOne(surface, entry.Key)
                && !(isWord && OtherWord(stem, RussianStemAnalyzer.Default.Stem(entry.Key))))
            .Select(entry => entry.Value)
            .Concat(readings
                .Where(entry => entry.Key.Length >= MinStemmedLength && entry.Key[0] != ExactMarker && !entry.Key.Contains(' ', StringComparison.Ordinal)
                    && stem.Length > 0 && entry.Key[0] == stem[0] && Edits.WithinOne(stem, entry.Key)
                    && !(isWord && OtherWord(stem, entry.Key)))
                .Select(entry => entry.Value))
            .Where(english => english != Dropped)
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .ToArray();
        return found.Length == 1 ? found[0] : null;
    }

    /// <summary>Whether a word is one typo or none away from a name the lexicon knows ("такаев" from "токаев").</summary>
    public bool IsNearName(string word)
    {
        var surface = RussianText.Normalize(word);
        return nameForms.Any(form => Edits.WithinOne(surface, form));
    }

    /// <summary>
    /// Whether a lexicon form's stem is another real word's than the stem of the word typed. Stems of which one
    /// begins the other are forms of one word the stemmer cut in different places ("охран", "охрана").
    /// </summary>
    private static bool OtherWord(string stem, string formStem) =>
        !stem.StartsWith(formStem, StringComparison.Ordinal) && !formStem.StartsWith(stem, StringComparison.Ordinal)
        && RussianDictionary.Default.HasStem(formStem);

    /// <summary>Two lines listing the same Russian form: both English readings are searched; a dropped one gives way.</summary>
    private static string Merge(string known, string english) =>
        english == Dropped || $" {known} ".Contains($" {english} ", StringComparison.Ordinal) ? known
        : known == Dropped ? english
        : $"{known} {english}";

    private static IEnumerable<(string File, int Line, string English, string Russian)> ReadEntries(string file)
    {
        var resource = $"RegionBot.Knowledge.Lexicon.{file}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, int, string, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{file}.txt:{number}: expected \"english: russian, russian, ...\".");
            }

            var english = trimmed[..colon].Trim();
            foreach (var russian in trimmed[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                entries.Add((file, number, english, russian));
            }
        }

        return entries;
    }
}
