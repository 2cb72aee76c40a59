using System.IO.Compression;
using System.Reflection;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// The general vocabulary of the field, shipped with the library as text files under Search/Lexicon: which words
/// point at a covered country, which at an actor outside the knowledge, which mean the same thing, and which only
/// shape a question.
/// </summary>
internal sealed class Lexicon
{
    private Lexicon(
        Dictionary<string, string> countryAliases,
        Dictionary<string, string> uncoveredAliases,
        Dictionary<string, string> mentionedAliases,
        Dictionary<string, string[]> actorNames,
        List<string[]> synonymGroups,
        HashSet<string> genericWords,
        HashSet<string> topicWords,
        Dictionary<string, HashSet<string>> groups)
    {
        TopicWords = topicWords;
        this.groups = groups;
        MentionedAliases = mentionedAliases;
        ActorNames = actorNames;
        CountryAliases = countryAliases;
        UncoveredAliases = uncoveredAliases;
        SynonymGroups = synonymGroups;
        GenericWords = genericWords;
    }

    /// <summary>
    /// Marks a synonym that is searched for but never read as the user's word: "=us" finds "the US withdrawal"
    /// without taking the pronoun "us" in a question for the country.
    /// </summary>
    public const char SearchOnlyMarker = '=';

    private readonly Dictionary<string, HashSet<string>> groups;

    public static Lexicon Default { get; } = Load();

    /// <summary>Alias (lower case, possibly several words) → covered country.</summary>
    public IReadOnlyDictionary<string, string> CountryAliases { get; }

    /// <summary>Alias → an actor the knowledge does not cover as a subject.</summary>
    public IReadOnlyDictionary<string, string> UncoveredAliases { get; }

    /// <summary>Alias → an actor the knowledge mentions in passing without covering it as a subject.</summary>
    public IReadOnlyDictionary<string, string> MentionedAliases { get; }

    /// <summary>Actor → every name it goes by in text, search-only ones included (without their marker).</summary>
    public IReadOnlyDictionary<string, string[]> ActorNames { get; }

    /// <summary>Groups of words and phrases that mean the same thing to a user.</summary>
    public IReadOnlyList<string[]> SynonymGroups { get; }

    /// <summary>Words that shape a question without naming its subject.</summary>
    public IReadOnlySet<string> GenericWords { get; }

    /// <summary>
    /// Common English words (from the SCOWL word list): a question's word found here is a real word, not a typo,
    /// even when the knowledge never uses it.
    /// </summary>
    public IReadOnlySet<string> EnglishWords { get; } = ReadEnglishWords();

    /// <summary>Words for what every passage is about implicitly (the Taliban, Afghanistan, the region).</summary>
    public IReadOnlySet<string> TopicWords { get; }

    /// <summary>Words that ask what someone said ("say", "statement"): statements are preferred.</summary>
    public IReadOnlySet<string> SayingWords => Group("saying");

    /// <summary>Words that point back at the previous turn's person or subject ("he", "it").</summary>
    public IReadOnlySet<string> BackReferenceWords => Group("back");

    /// <summary>Words that ask for passages not shown yet ("else", "more").</summary>
    public IReadOnlySet<string> MoreWords => Group("more");

    /// <summary>Words that ask to compare countries.</summary>
    public IReadOnlySet<string> CompareWords => Group("compare");

    /// <summary>Words that ask about several countries at once.</summary>
    public IReadOnlySet<string> SeveralWords => Group("several");

    /// <summary>Words that ask for the big picture: "overview", "summary", "what is the article about".</summary>
    public IReadOnlySet<string> OverviewWords => Group("overview");

    /// <summary>Words that put the region as a whole in question.</summary>
    public IReadOnlySet<string> RegionWords => Group("region");

    /// <summary>Words in the names of institutions that speak, never taken for a person's name.</summary>
    public IReadOnlySet<string> InstitutionWords => Group("institution");

    /// <summary>Offices someone holds: "minister", "leader", "spokesman".</summary>
    public IReadOnlySet<string> RoleWords => Group("role");

    /// <summary>Words that qualify an office and stand between its holder and the office: "deputy", "foreign".</summary>
    public IReadOnlySet<string> RoleModifierWords => Group("role-modifier");

    /// <summary>Words by which a passage gives a number.</summary>
    public IReadOnlySet<string> NumberWords => Group("number");

    /// <summary>Number words that give no exact count: "dozens", "hundreds".</summary>
    public IReadOnlySet<string> VagueNumberWords => Group("vague-number");

    /// <summary>Words by which a passage tells what happened after something else: "later", "eventually".</summary>
    public IReadOnlySet<string> LaterWords => Group("later");

    /// <summary>Verbs whose particle may follow their object: "hand the aircraft back".</summary>
    public IReadOnlySet<string> SeparableVerbs => Group("separable");

    /// <summary>What completes a separable verb: "back", "over", "down".</summary>
    public IReadOnlySet<string> Particles => Group("particle");

    /// <summary>Words by which a passage tells how someone answered what another said: "replied", "in response".</summary>
    public IReadOnlySet<string> ReplyWords => Group("reply");

    /// <summary>What someone says, which a question may ask the reply to: "accusation", "refusal", "remarks".</summary>
    public IReadOnlySet<string> SaidThingWords => Group("said-thing");

    /// <summary>
    /// What only a passage saying it answers: what happened to someone ("sent back", "closed"), recognition, and
    /// subjects beside the field ("travel", "weather").
    /// </summary>
    public IReadOnlySet<string> MustSayWords => Group("must-say");

    /// <summary>Words by which a passage places events in time.</summary>
    public IReadOnlySet<string> TimeWords => Group("time");

    /// <summary>Words by which a passage gives an amount of money: currencies.</summary>
    public IReadOnlySet<string> MoneyWords => Group("money");

    /// <summary>Words by which a question asks for an amount of money: "budget", "cost", "spend".</summary>
    public IReadOnlySet<string> MoneyQuestionWords => Group("asks-money");

    /// <summary>Words by which a question asks for a number: "population", "percentage".</summary>
    public IReadOnlySet<string> NumberQuestionWords => Group("asks-number");

    /// <summary>Capitalised words that are not names of people: institutions, places, groups.</summary>
    public IReadOnlySet<string> NotPersonWords => Group("not-person");

    /// <summary>Nouns for people: "the names of the pilots" asks for a person's name.</summary>
    public IReadOnlySet<string> PeopleNouns => Group("people");

    /// <summary>Words by which a passage gives a date: months and days of the week.</summary>
    public IReadOnlySet<string> DateWords => Group("date");

    /// <summary>With "where", words of a question that asks where something was held ("where did they meet").</summary>
    public IReadOnlySet<string> PlaceQuestionWords => Group("asks-place");

    /// <summary>Nouns of a question that asks for a place ("in which city").</summary>
    public IReadOnlySet<string> PlaceNouns => Group("place-nouns");

    /// <summary>Equipment whose model a question may ask for ("what type of aircraft").</summary>
    public IReadOnlySet<string> EquipmentWords => Group("equipment");

    /// <summary>Words by which a question asks for a reason: "why", "purpose".</summary>
    public IReadOnlySet<string> WhyWords => Group("why");

    /// <summary>Words by which a question asks about, and a passage tells of, something that goes on: "keep", "continuing".</summary>
    public IReadOnlySet<string> OngoingWords => Group("ongoing");

    /// <summary>First words by which a passage points back at the one before: "this", "he".</summary>
    public IReadOnlySet<string> PointingBackOpenings => Group("points-back");

    /// <summary>Words in "-ing" that are no verb going on: "going", "anything".</summary>
    public IReadOnlySet<string> NotProgressiveWords => Group("not-progressive");

    /// <summary>Words before a noun, after which a word in "-ing" is the noun: "the meeting".</summary>
    public IReadOnlySet<string> DeterminerWords => Group("determiner");

    /// <summary>Words that ask, in a question only, whether something goes on: "still".</summary>
    public IReadOnlySet<string> OngoingAskedWords => Group("ongoing-asked");

    /// <summary>Words by which a question asks for someone's own words: "quote", "verbatim".</summary>
    public IReadOnlySet<string> QuoteWords => Group("quote");

    /// <summary>Things known by a proper name: "which crossing" asks for the crossing's name.</summary>
    public IReadOnlySet<string> NamedThings => Group("named-things");

    /// <summary>Kinds of thing known by proper names: "which other *groups* besides ISIS".</summary>
    public IReadOnlySet<string> NamedKinds => Group("named-kinds");

    /// <summary>Verbs by which a question asks for names: "which groups did he *name*".</summary>
    public IReadOnlySet<string> NamingWords => Group("naming");

    /// <summary>Words that set aside what a question names: "besides", "apart from".</summary>
    public IReadOnlySet<string> BesidesWords => Group("besides");

    /// <summary>Words by which a question asks whom someone met: "meet", "visit", "receive".</summary>
    public IReadOnlySet<string> MeetingWords => Group("meeting");

    /// <summary>The verbs a question puts before its subject: "did", "has", "will".</summary>
    public IReadOnlySet<string> AuxiliaryWords => Group("auxiliary");

    /// <summary>Words after which what happens is hoped or called for, not told: "hopes", "urged".</summary>
    public IReadOnlySet<string> WishWords => Group("wish");

    /// <summary>What users call the article itself: "this article", "the piece".</summary>
    public IReadOnlySet<string> ArticleWords => Group("the-article");

    /// <summary>What was done to the article when it came out: "published", "written".</summary>
    public IReadOnlySet<string> PublishingWords => Group("publishing");

    /// <summary>A day or period counted from the user's today: "yesterday", "this year".</summary>
    public IReadOnlySet<string> FromTodayWords => Group("from-today");

    /// <summary>Qualifiers of an office a passage naming it need not repeat: "new", "de facto".</summary>
    public IReadOnlySet<string> RoleVagueWords => Group("role-vague");

    /// <summary>A state asked about that a passage saying the thing operates answers: "is the border closed?".</summary>
    public IReadOnlySet<string> ClosedStateWords => Group("closed-state");

    /// <summary>How a passage says something operates: "operating as usual".</summary>
    public IReadOnlySet<string> OperatingStateWords => Group("operating-state");

    /// <summary>Must-say words that after "to" say a purpose, not an act done: "opened the border to send aid".</summary>
    public IReadOnlySet<string> PurposeWords => Group("purpose");

    /// <summary>Must-say words that only say someone chose the act that follows: "decided to help".</summary>
    public IReadOnlySet<string> ChoseToWords => Group("chose-to");

    /// <summary>The words that ask an open question: "what", "who", "how".</summary>
    public IReadOnlySet<string> QuestionWords => Group("question");

    /// <summary>Whether the word at <paramref name="i"/> sets aside what follows: "besides", "apart from", "other than".</summary>
    public bool SetsAsideAt(IReadOnlyList<string> words, int i) =>
        BesidesWords.Contains(words[i]) || (words[i] is "other" && i + 1 < words.Count && words[i + 1] is "than");

    /// <summary>Gatherings a country chairs or hosts: "meeting", "session", "summit".</summary>
    public IReadOnlySet<string> GatheringWords => Group("gathering");

    /// <summary>Words by which a question asks what the topic itself is: "define", "founded", "origin".</summary>
    public IReadOnlySet<string> DefinitionWords => Group("definition");

    /// <summary>Verbs of saying: a question asks what someone said, and a passage reports what someone said.</summary>
    public IReadOnlySet<string> SpeechWords => Group("speech");

    /// <summary>Every word of every entry, so that the typo corrector knows them and corrects towards them.</summary>
    public IEnumerable<string> AllWords =>
        CountryAliases.Keys
            .Concat(UncoveredAliases.Keys)
            .Concat(MentionedAliases.Keys)
            .Concat(SynonymGroups.SelectMany(g => g))
            .Concat(GenericWords)
            .Concat(TopicWords)
            .Where(phrase => phrase[0] != SearchOnlyMarker)
            .SelectMany(phrase => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Lexicon Load()
    {
        var actorNames = new Dictionary<string, string[]>(StringComparer.Ordinal);
        return new Lexicon(
            ReadAliases("countries", actorNames),
            ReadAliases("uncovered", actorNames),
            ReadAliases("mentioned", actorNames),
            actorNames,
            ReadLines("synonyms").Select(SplitList).ToList(),
            ReadLines("generic").SelectMany(SplitList).ToHashSet(StringComparer.Ordinal),
            ReadLines("topic").SelectMany(SplitList).ToHashSet(StringComparer.Ordinal),
            ReadGroups("shape").Concat(ReadGroups("facts")).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal));
    }

    private IReadOnlySet<string> Group(string name) =>
        groups.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"The lexicon has no word group '{name}'.");

    /// <summary>Reads "group: word, word, ..." lines.</summary>
    private static IEnumerable<KeyValuePair<string, HashSet<string>>> ReadGroups(string name) =>
        ReadLines(name).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return KeyValuePair.Create(line[..colon].Trim(), SplitList(line[(colon + 1)..]).ToHashSet(StringComparer.Ordinal));
        });

    private static Dictionary<string, string> ReadAliases(string name, Dictionary<string, string[]> actorNames)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadLines(name))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var owner = line[..colon].Trim();
            var names = SplitList(line[(colon + 1)..]);
            actorNames[owner] = names.Select(n => n.TrimStart(SearchOnlyMarker)).ToArray();
            foreach (var alias in names.Where(n => n[0] != SearchOnlyMarker))
            {
                aliases[alias] = owner;
            }
        }

        return aliases;
    }

    private static string[] SplitList(string line) =>
        line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.ToLowerInvariant())
            .ToArray();

    private static HashSet<string> ReadEnglishWords()
    {
        using var stream = new GZipStream(OpenResource("english-words.txt.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }

    private static Stream OpenResource(string name)
    {
        var resource = $"RegionBot.Knowledge.Lexicon.{name}";
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon resource {resource} is missing from the build.");
    }

    private static IEnumerable<string> ReadLines(string name)
    {
        using var stream = OpenResource(name + ".txt");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
