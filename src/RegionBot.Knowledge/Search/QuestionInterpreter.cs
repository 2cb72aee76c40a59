using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Turns a question into what the search needs: the countries and speakers it points at (by name, demonym, capital
/// or person), the actors outside the knowledge it names, and the concepts it asks about with their synonyms.
/// Words are typo-corrected first. Nothing here builds Lucene syntax from user text.
/// </summary>
internal sealed partial class QuestionInterpreter
{
    /// <summary>Questions are cut to this many characters: no real question is longer, and it bounds the work.</summary>
    public const int MaxQuestionLength = 1000;

    private const int MaxPhraseWords = 4;
    private const int MaxConcepts = 64;

    private static readonly HashSet<string> SayingWords = new(
        ["say", "said", "says", "saying", "tell", "told", "state", "stated", "statement", "statements", "quote", "quoted", "words", "announce", "announced", "claim", "claimed", "speech", "comment", "comments", "remarks", "according"],
        StringComparer.Ordinal);

    /// <summary>Words in the names of institutions that speak, which must not be taken for a person's name.</summary>
    private static readonly HashSet<string> InstitutionWords = new(
        ["foreign", "ministry", "minister", "government", "president", "deputy", "office", "affairs", "state", "national", "department", "council", "agency", "spokesman", "spokesperson", "the", "of"],
        StringComparer.Ordinal);

    private readonly Analyzer analyzer;
    private readonly Lexicon lexicon;
    private readonly TypoCorrector corrector;
    private readonly Dictionary<string, (string Speaker, string Country)> speakerAliases;
    private readonly Dictionary<string, int[]> synonymGroupsByStems;
    private readonly IReadOnlyList<string>[][] synonymAlternatives;
    private readonly HashSet<string> genericStems;
    private readonly HashSet<string> topicStems;

    public QuestionInterpreter(KnowledgeBase knowledge, Analyzer analyzer, Lexicon lexicon)
    {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        speakerAliases = BuildSpeakerAliases(knowledge, lexicon);
        var textWords = knowledge.Passages
            .SelectMany(p => Words(string.Join(' ', p.Text, p.Section, p.Speaker, p.Role)))
            .GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        corrector = new TypoCorrector(textWords, lexicon.AllWords.Concat(speakerAliases.Keys.SelectMany(k => k.Split(' '))));

        // Synonyms, generic and topic words are compared by their stems, so that every form of a word counts
        // ("trade", "trading", "traded") without listing each one.
        synonymAlternatives = lexicon.SynonymGroups
            .Select(group => group.Select(Analyze).Where(terms => terms.Count > 0).ToArray())
            .ToArray();
        synonymGroupsByStems = synonymAlternatives
            .SelectMany((group, index) => group.Select(terms => (Key: Key(terms), index)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.index).Distinct().ToArray(), StringComparer.Ordinal);
        genericStems = StemsOf(lexicon.GenericWords);
        topicStems = StemsOf(lexicon.TopicWords);
    }

    public InterpretedQuestion Interpret(string question)
    {
        var words = Words(Clean(question)).Select(corrector.Correct).ToArray();
        var consumed = new bool[words.Length];
        var countries = new List<string>();
        var speakers = new List<string>();
        var uncovered = new List<string>();
        var concepts = new List<Concept>();

        for (var length = Math.Min(MaxPhraseWords, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (consumed.AsSpan(start, length).Contains(true))
                {
                    continue;
                }

                var phrase = string.Join(' ', words, start, length);
                if (Claim(phrase, countries, speakers, uncovered, concepts))
                {
                    consumed.AsSpan(start, length).Fill(true);
                }
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (consumed[i])
            {
                continue;
            }

            if (ClosestSpeaker(words[i]) is { } speaker)
            {
                AddSpeaker(speaker, countries, speakers);
            }
            else if (Analyze(words[i]) is { Count: > 0 } terms && !genericStems.Contains(Key(terms)))
            {
                concepts.Add(new Concept(words[i], [terms], topicStems.Contains(Key(terms)) ? ConceptKind.Topic : ConceptKind.Words));
            }
        }

        if (AsksHowMany(words))
        {
            concepts.Add(new Concept("how many", [], ConceptKind.Quantity));
        }

        return new InterpretedQuestion(
            words,
            concepts.DistinctBy(c => string.Join(' ', c.Alternatives[0]), StringComparer.Ordinal).Take(MaxConcepts).ToArray(),
            countries.Distinct(StringComparer.Ordinal).ToArray(),
            speakers.Distinct(StringComparer.Ordinal).ToArray(),
            uncovered.Distinct(StringComparer.Ordinal).ToArray(),
            words.Any(SayingWords.Contains));
    }

    /// <summary>Analyses text with the index's analyzer into its search terms.</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(PassageFields.All, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

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

    /// <summary>Splits text into lower-case words, keeping inner hyphens and dropping possessive endings.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            var word = match.Value.ToLowerInvariant().Replace('’', '\'');
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            yield return word.Trim('\'');
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private bool Claim(string phrase, List<string> countries, List<string> speakers, List<string> uncovered, List<Concept> concepts)
    {
        if (lexicon.CountryAliases.TryGetValue(phrase, out var country))
        {
            countries.Add(country);
            return true;
        }

        if (speakerAliases.TryGetValue(phrase, out var speaker))
        {
            AddSpeaker(speaker, countries, speakers);
            return true;
        }

        if (lexicon.UncoveredAliases.TryGetValue(phrase, out var actor))
        {
            uncovered.Add(actor);
            concepts.Add(new Concept(phrase, [Analyze(phrase)]));
            return true;
        }

        var own = Analyze(phrase);
        if (own.Count > 0 && synonymGroupsByStems.TryGetValue(Key(own), out var groups))
        {
            var alternatives = groups
                .SelectMany(g => synonymAlternatives[g])
                .Prepend(own)
                .DistinctBy(Key, StringComparer.Ordinal)
                .ToArray();
            var isTopic = alternatives.Any(terms => topicStems.Contains(Key(terms)));
            concepts.Add(new Concept(phrase, alternatives, isTopic ? ConceptKind.Topic : ConceptKind.Words));
            return true;
        }

        return false;
    }

    private static string Key(IReadOnlyList<string> terms) => string.Join(' ', terms);

    private HashSet<string> StemsOf(IEnumerable<string> words) =>
        words.Select(Analyze).Where(terms => terms.Count > 0).Select(Key).ToHashSet(StringComparer.Ordinal);

    private static bool AsksHowMany(string[] words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if ((words[i] is "how" && words[i + 1] is "many" or "much") || (words[i] is "number" && words[i + 1] is "of"))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddSpeaker((string Speaker, string Country) speaker, List<string> countries, List<string> speakers)
    {
        speakers.Add(speaker.Speaker);
        countries.Add(speaker.Country);
    }

    /// <summary>Names are spelt in several ways ("Kazakbaev", "Kazakbayev"): one letter apart still names the speaker.</summary>
    private (string Speaker, string Country)? ClosestSpeaker(string word)
    {
        if (word.Length < 6 || lexicon.GenericWords.Contains(word))
        {
            return null;
        }

        foreach (var (alias, speaker) in speakerAliases)
        {
            if (alias.Length >= 6 && !alias.Contains(' ', StringComparison.Ordinal) && EditDistance.Bounded(word, alias, 1) <= 1)
            {
                return speaker;
            }
        }

        return null;
    }

    private static Dictionary<string, (string Speaker, string Country)> BuildSpeakerAliases(KnowledgeBase knowledge, Lexicon lexicon)
    {
        var aliases = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var speakers = knowledge.Passages
            .Where(p => p.Speaker is not null && !string.Equals(p.Country, Countries.Region, StringComparison.Ordinal))
            .GroupBy(p => p.Speaker!, StringComparer.Ordinal);
        foreach (var group in speakers)
        {
            var country = group.GroupBy(p => p.Country, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
            var nameWords = Words(group.Key)
                .Where(w => w.Length >= 4 && !InstitutionWords.Contains(w) && !lexicon.CountryAliases.ContainsKey(w) && !lexicon.GenericWords.Contains(w))
                .ToArray();
            foreach (var word in nameWords)
            {
                aliases.TryAdd(word, (group.Key, country));
            }

            if (nameWords.Length > 0)
            {
                aliases.TryAdd(string.Join(' ', Words(group.Key)), (group.Key, country));
            }
        }

        return aliases;
    }
}
