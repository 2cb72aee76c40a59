using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// What kind of fact a passage gives, indexed so that "how many", "how much money", "when", "what date", "where did
/// they meet", "what model" and "what is it called" questions can require it.
/// </summary>
internal static partial class PassageFacts
{
    public const string Number = "number";
    public const string Time = "time";
    public const string Date = "date";
    public const string Money = "money";
    public const string Person = "person";
    public const string NamedPerson = "named-person";
    public const string Place = "place";
    public const string Model = "model";
    public const string ProperName = "name";
    public const string Later = "later";
    public const string Reply = "reply";

    /// <summary>What a passage gives for each number standing on its own in it: "figure:2021".</summary>
    private const string FigurePrefix = "figure:";

    /// <summary>The fact a passage must give to cover <paramref name="concept"/>; null when it covers it otherwise.</summary>
    public static string? Required(Concept concept) => concept.Kind switch
    {
        ConceptKind.Figure => FigurePrefix + concept.Said,
        ConceptKind.Quantity => Number,
        ConceptKind.Time => Time,
        ConceptKind.Date => Date,
        ConceptKind.Money => Money,
        ConceptKind.Person => Person,
        ConceptKind.NamedPerson => NamedPerson,
        ConceptKind.Place => Place,
        ConceptKind.Model => Model,
        ConceptKind.ProperName => ProperName,
        ConceptKind.Later => Later,
        ConceptKind.Reply => Reply,
        _ => null,
    };

    /// <summary>A short hash of the words the facts are read by, so that an index of other words is rebuilt.</summary>
    public static string Version(Lexicon lexicon)
    {
        var words = string.Join('\n', new IEnumerable<string>[]
            {
                lexicon.NumberWords, lexicon.TimeWords, lexicon.DateWords, lexicon.MoneyWords, lexicon.NotPersonWords, lexicon.InstitutionWords,
                lexicon.CountryAliases.Keys, lexicon.UncoveredAliases.Keys, lexicon.MentionedAliases.Keys, lexicon.TopicWords, lexicon.RegionWords,
                lexicon.LaterWords, lexicon.ReplyWords,
            }
            .Select(group => string.Join(',', group.Order(StringComparer.Ordinal))));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(words)))[..8].ToLowerInvariant();
    }

    public static IEnumerable<string> Given(Passage passage, Lexicon lexicon)
    {
        var words = WordSplitter.Words(passage.Text).ToArray();
        var personNames = PersonNames(passage.Text, lexicon).ToArray();
        var numbers = StandaloneNumber().Matches(passage.Text).ToArray();
        var dates = numbers.Where(n => IsYear(n.Value) || NextToMonth(passage.Text, n, lexicon)).ToArray();
        if (numbers.Length > dates.Length || words.Any(lexicon.NumberWords.Contains))
        {
            yield return Number;
        }

        // "Every day" says how often, not when.
        if (numbers.Length > 0 || words.Where((word, i) => lexicon.TimeWords.Contains(word) && (i == 0 || words[i - 1] is not ("every" or "each"))).Any())
        {
            yield return Time;
        }

        if (dates.Length > 0 || words.Any(lexicon.DateWords.Contains))
        {
            yield return Date;
        }

        if (passage.Text.AsSpan().IndexOfAny("$€£₽") >= 0 || words.Any(lexicon.MoneyWords.Contains))
        {
            yield return Money;
        }

        if (words.Any(lexicon.LaterWords.Contains))
        {
            yield return Later;
        }

        if (words.Any(lexicon.ReplyWords.Contains))
        {
            yield return Reply;
        }

        if (NamesPerson(passage, personNames, lexicon))
        {
            yield return Person;
        }

        if (personNames.Length > 0)
        {
            yield return NamedPerson;
        }

        foreach (var figure in numbers.Select(n => n.Value.Replace(",", string.Empty, StringComparison.Ordinal)).Where(n => n.All(char.IsAsciiDigit)).Distinct(StringComparer.Ordinal))
        {
            yield return FigurePrefix + figure;
        }

        // "The situation in Afghanistan" places nothing: every passage is about Afghanistan.
        if (PlacePhrase().Matches(passage.Text).Select(place => place.Groups["place"].Value.ToLowerInvariant()).Any(place => !lexicon.TimeWords.Contains(place) && !lexicon.TopicWords.Contains(place)))
        {
            yield return Place;
        }

        if (ModelDesignation().IsMatch(passage.Text))
        {
            yield return Model;
        }

        if (NamesSomething(passage, personNames, lexicon))
        {
            yield return ProperName;
        }
    }

    /// <summary>
    /// Whether the passage gives something a proper name that is not one the question could already hold: a
    /// capitalised word inside a sentence that is no country, actor, topic, region, date or institution word, nor part
    /// of a person's name ("Friendship Bridge", "Kaysar-2021"). "The Tajikistan border crossing" names no crossing, and
    /// "Deputy Foreign Minister Andrey Rudenko" names a person, not a thing.
    /// </summary>
    private static bool NamesSomething(Passage passage, string[] personNames, Lexicon lexicon) =>
        CapitalisedNames(passage, personNames, lexicon).Any(lower => !lexicon.UncoveredAliases.ContainsKey(lower) && !lexicon.MentionedAliases.ContainsKey(lower));

    /// <summary>
    /// Whether the passage names something the question does not ("which groups besides ISIS and al-Qaeda"): a
    /// capitalised word inside a sentence that is no country, topic, region, date, institution word or person's name,
    /// and not one of the question's names or their synonyms. An actor the knowledge only mentions counts: it may be the
    /// answer. Where the question does not say what it sets aside ("which other groups did he name"), the names the
    /// passage itself sets aside ("other groups besides Daech and Al Qaeda") are not the others asked for.
    /// </summary>
    public static bool NamesOtherThan(Passage passage, NamesGiven given, Lexicon lexicon)
    {
        var setAside = given.SetsAside ? [] : SetAside(passage.Text, lexicon);
        return CapitalisedNames(passage, PersonNames(passage.Text, lexicon).ToArray(), lexicon).Any(lower => !given.Contains(lower) && !setAside.Contains(lower));
    }

    /// <summary>
    /// Whether a word is the speaker's name, however the source spells it this time: "Kazakbayev" is the speaker
    /// Kazakbaev. Long names agreeing in their first six letters are taken for one.
    /// </summary>
    private static bool SameName(string name, string word) =>
        string.Equals(name, word, StringComparison.Ordinal)
        || (name.Length >= 6 && word.Length >= 6 && name.AsSpan(0, 6).SequenceEqual(word.AsSpan(0, 6)));

    /// <summary>The words within a few of a word setting things aside ("besides Daech and Al Qaeda"), lower-cased.</summary>
    private static HashSet<string> SetAside(string text, Lexicon lexicon)
    {
        const int Reach = 6;
        var words = WordSplitter.Words(text).ToArray();
        var aside = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (lexicon.SetsAsideAt(words, i))
            {
                aside.UnionWith(words.Skip(i + 1).Take(Reach));
            }
        }

        return aside;
    }

    /// <summary>The capitalised words inside the passage's sentences, lower-cased, that may name a thing other than the topic.</summary>
    private static IEnumerable<string> CapitalisedNames(Passage passage, string[] personNames, Lexicon lexicon)
    {
        var speaker = WordSplitter.Words(passage.Speaker ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var personal = personNames.SelectMany(WordSplitter.Words).ToHashSet(StringComparer.Ordinal);
        return CapitalisedWord().Matches(passage.Text)
            .Where(word => !StartsSentence(passage.Text, word.Index))
            .Select(word => word.Value.ToLowerInvariant())
            .Where(lower => !speaker.Any(name => SameName(name, lower)) && !personal.Contains(lower) && !lexicon.InstitutionWords.Contains(lower)
                && !lexicon.CountryAliases.ContainsKey(lower) && !lexicon.TopicWords.Contains(lower) && !lexicon.RegionWords.Contains(lower)
                && !lexicon.TimeWords.Contains(lower));
    }

    /// <summary>
    /// Whether the passage names a person: its speaker is one (not an institution), or two capitalised words that are
    /// neither places, institutions nor groups stand together inside a sentence ("Abdul Ghani Baradar").
    /// </summary>
    private static bool NamesPerson(Passage passage, string[] personNames, Lexicon lexicon) =>
        (passage.Speaker is { } speaker && !WordSplitter.Words(speaker).Any(lexicon.InstitutionWords.Contains))
        || personNames.Length > 0;

    /// <summary>Runs of two or more capitalised words inside a sentence that may be a person's name: no place, institution, group or date.</summary>
    private static IEnumerable<string> PersonNames(string text, Lexicon lexicon)
    {
        var run = new List<Match>();
        foreach (Match word in CapitalisedWord().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            var mayBeName = !StartsSentence(text, word.Index) && !lexicon.NotPersonWords.Contains(lower) && !lexicon.InstitutionWords.Contains(lower)
                && !lexicon.CountryAliases.ContainsKey(lower) && !lexicon.UncoveredAliases.ContainsKey(lower) && !lexicon.TimeWords.Contains(lower);
            var follows = run.Count > 0 && word.Index == run[^1].Index + run[^1].Length + 1 && text[word.Index - 1] == ' ';
            if (!mayBeName || !follows)
            {
                if (run.Count >= 2)
                {
                    yield return string.Join(' ', run.Select(m => m.Value));
                }

                run.Clear();
            }

            if (mayBeName)
            {
                run.Add(word);
            }
        }

        if (run.Count >= 2)
        {
            yield return string.Join(' ', run.Select(m => m.Value));
        }
    }

    /// <summary>Whether nothing but spaces stands between the start of the text or a full stop and the word at <paramref name="index"/>.</summary>
    private static bool StartsSentence(string text, int index)
    {
        var before = index - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        return before < 0 || text[before] == '.';
    }

    private static bool IsYear(string number) => number.Length == 4 && number[0] is '1' or '2';

    /// <summary>"August 25" or "25 August": the day of a date, not a count of anything.</summary>
    private static bool NextToMonth(string text, Match number, Lexicon lexicon)
    {
        var before = WordSplitter.Words(text[..number.Index]).LastOrDefault();
        var after = WordSplitter.Words(text[(number.Index + number.Length)..]).FirstOrDefault();
        return (before is not null && lexicon.DateWords.Contains(before)) || (after is not null && lexicon.DateWords.Contains(after));
    }

    /// <summary>
    /// A number that stands on its own: "$2.4 billion", "August 25", "2021". Digits joined to a word by a letter or a
    /// hyphen are part of a name ("Kaysar-2021", "COVID-19") and say nothing about how many or when.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])\d+(?:[.,]\d+)*(?![\p{L}\d]|-\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneNumber();

    /// <summary>Whether the passage opens by pointing back at the paragraph before: "This move came after ...", "He stated ...".</summary>
    public static bool ContinuesBefore(Passage passage, Lexicon lexicon) =>
        WordSplitter.Words(passage.Text).FirstOrDefault() is { } first && lexicon.PointingBackOpenings.Contains(first);

    /// <summary>
    /// Whether the text gives a reason or a purpose: "because", "due to", "in order to", "to assure its security",
    /// "convinced the government to", "this move came after". A "why" question prefers such a passage among those
    /// covering it alike.
    /// </summary>
    public static bool GivesReason(string text) => Reason().IsMatch(text);

    [GeneratedRegex(@"\b(?:because|due to|owing to|in order to|so as to|so that|aimed at|for fear|amid|convinced|prompted|came after|in response to|in the wake of|to (?:assure|ensure|avoid|prevent|overcome|protect|secure|guarantee|strengthen|stop))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    /// <summary>
    /// "In Navoi", "at the Kremlin", "near Termez", "during a visit to Uzbekistan's northern Navoi region": where something
    /// happens, by a capitalised place after "in", "at", "near", or a visit or trip "to".
    /// </summary>
    [GeneratedRegex(@"(?<!\p{L})(?:in|at|near|visit to|trip to)\s+(?:the\s+)?(?<place>\p{Lu}\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePhrase();

    /// <summary>A model's designation, letters then digits: "Su-25", "A-29", "Mi-17", "UH-60", "C-130".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])\p{Lu}\p{L}{0,3}-?\d{1,3}\p{L}?(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex ModelDesignation();

    /// <summary>A word starting with a capital letter, with its inner hyphens ("Kassym-Jomart").</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}]*(?:-\p{L}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();
}
