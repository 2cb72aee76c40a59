using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Turns a question into what the search needs: the countries and speakers it points at (by name, demonym, capital
/// or person), the actors outside the knowledge it names, and the concepts it asks about with their synonyms.
/// Words are typo-corrected first. Nothing here builds Lucene syntax from user text.
/// </summary>
internal sealed partial class QuestionInterpreter
{
    private const int MaxPhraseWords = 4;
    private const int MaxConcepts = 64;

    private const int MaxCachedText = 64;
    private const int MaxCachedTexts = 50_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> analyzed = new(StringComparer.Ordinal);
    private int analyzedCount;
    private readonly Analyzer analyzer;
    private readonly Lexicon lexicon;
    private readonly TypoCorrector corrector;
    private readonly SpeakerAliases speakers;
    private readonly Dictionary<string, int[]> synonymGroupsByStems;
    private readonly IReadOnlyList<string>[][] synonymAlternatives;
    private readonly HashSet<string> genericStems;
    private readonly HashSet<string> topicStems;
    private readonly HashSet<string> mustSayPhraseStems;
    private readonly AskedFacts facts;
    private readonly AskedNames names;
    private readonly ShapeReader shapes;
    private readonly OfficeQuestions offices;
    private readonly SayerQuestions sayers;
    private readonly WordKinds kinds;

    public QuestionInterpreter(KnowledgeBase knowledge, Analyzer analyzer, Lexicon lexicon)
    {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        speakers = new SpeakerAliases(knowledge, lexicon);
        var textWords = WordSplitter.CountWords(knowledge.Passages.SelectMany(p => new[] { p.Text, p.Section, p.Speaker, p.Role }));

        // The parts of a compound are words of the knowledge too: "Torgundi" is a typo of the "Torghundi" in
        // "Serhetabat-Torghundi".
        foreach (var (compound, count) in textWords.Where(w => w.Key.Contains('-', StringComparison.Ordinal)).ToArray())
        {
            foreach (var part in compound.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                textWords[part] = textWords.GetValueOrDefault(part) + count;
            }
        }

        corrector = new TypoCorrector(textWords, lexicon.AllWords.Concat(speakers.Words), lexicon.EnglishWords);

        // Synonyms, generic and topic words are compared by their stems, so that every form of a word counts
        // ("trade", "trading", "traded") without listing each one.
        synonymAlternatives = lexicon.SynonymGroups
            .Select(group => group.Select(member => Analyze(member.TrimStart(Lexicon.SearchOnlyMarker))).Where(terms => terms.Count > 0).ToArray())
            .ToArray();
        synonymGroupsByStems = lexicon.SynonymGroups
            .SelectMany((group, index) => group.Where(m => m[0] != Lexicon.SearchOnlyMarker).Select(member => (Key: Key(Analyze(member)), index)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.index).Distinct().ToArray(), StringComparer.Ordinal);
        genericStems = StemsOf(lexicon.GenericWords);

        // A phrase a passage must say counts in every form ("keeping their promise", "kept its promise"); a single
        // word only as listed, since its stem may be another word's ("closed" and "a close watch").
        mustSayPhraseStems = lexicon.MustSayWords
            .Where(phrase => phrase.Contains(' ', StringComparison.Ordinal))
            .Select(Analyze)
            .Where(terms => terms.Count > 1)
            .Select(Key)
            .ToHashSet(StringComparer.Ordinal);
        topicStems = StemsOf(lexicon.TopicWords);
        facts = new AskedFacts(lexicon, Analyze);
        names = new AskedNames(lexicon);
        shapes = new ShapeReader(lexicon);
        offices = new OfficeQuestions(lexicon, Analyze);
        sayers = new SayerQuestions(lexicon, Analyze);
        kinds = new WordKinds(lexicon, speakers, corrector, Analyze, topicStems);
    }

    public InterpretedQuestion Interpret(string question)
    {
        var words = offices.AskingForOffice(SeparableVerbs.Join(WordSplitter.Words(WordSplitter.Clean(question)).SelectMany(kinds.SplitNames).Select(corrector.Correct).ToArray(), lexicon));
        var consumed = new bool[words.Length];
        var named = new bool[words.Length];
        var found = new Findings();

        for (var length = Math.Min(MaxPhraseWords, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (consumed.AsSpan(start, length).Contains(true))
                {
                    continue;
                }

                var claim = Claim(string.Join(' ', words, start, length), found);
                consumed.AsSpan(start, length).Fill(claim != Claimed.Nothing);
                named.AsSpan(start, length).Fill(claim == Claimed.Name);
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (consumed[i])
            {
                continue;
            }

            if (speakers.Closest(words[i]) is { } speaker)
            {
                found.AddSpeaker(speaker);
                named[i] = true;
            }
            else if (Analyze(words[i]) is { Count: > 0 } terms && !genericStems.Contains(Key(terms)) && !kinds.IsShorthand(words[i]))
            {
                // A Russian word the bilingual lexicon did not know counts as an English word the knowledge never
                // uses would: part of the question, but no name the answer must contain. So does a compound of
                // English words ("ex-soviet", "turkmen-afghan"). A time of day ("at 3pm") is a figure a passage must
                // give, as a number is; so is a day counted from the user's own today ("yesterday's meeting"), which
                // no passage of an article gives.
                var figure = words[i].All(char.IsAsciiDigit) || ClockTime().IsMatch(words[i]) || lexicon.FromTodayWords.Contains(words[i]);
                var kind = figure ? ConceptKind.Figure
                    : topicStems.Contains(Key(terms)) ? ConceptKind.Topic
                    : corrector.IsWord(words[i]) || RussianText.IsCyrillic(words[i]) || kinds.IsCompound(words[i]) ? ConceptKind.Words
                    : ConceptKind.Foreign;
                found.Concepts.Add(new Concept(words[i], [terms], kind));
            }
        }

        var concepts = found.Concepts
            .DistinctBy(c => (c.Kind, Key(c.Alternatives[0])))
            .Take(MaxConcepts)
            .ToList();
        facts.AddAskedFacts(words, concepts, word => speakers.Closest(word) is not null);
        names.AddAskedNames(words, concepts);
        for (var i = 0; i < concepts.Count; i++)
        {
            if (MustBeSaid(concepts[i].Said))
            {
                concepts[i] = concepts[i] with { MustBeSaid = true };
            }
        }

        var held = offices.Held(words, concepts);
        return new InterpretedQuestion(
            words,
            concepts,
            found.Countries.Distinct(StringComparer.Ordinal).ToArray(),
            found.Speakers.Distinct(StringComparer.Ordinal).ToArray(),
            found.Uncovered.Distinct(StringComparer.Ordinal).ToArray(),
            words.Any(lexicon.SayingWords.Contains),
            words.Any(lexicon.RegionWords.Contains),
            shapes.Read(words, named, concepts))
        {
            HeldOffices = held,
            OfficeAskedOf = offices.AskedOf(words, held),
            Counted = concepts.Any(c => c.Kind == ConceptKind.Quantity) ? facts.Counted(words, concepts) : null,
            SaidBy = sayers.Read(words, kinds.PersonTerms),
            OthersThan = names.AsksForOthersByName(words) ? GivenNames(words, concepts) : null,
        };
    }

    /// <summary>Whether words of the question are on the must-say list (facts.txt): a single word as listed, a phrase in any form.</summary>
    private bool MustBeSaid(string said) =>
        lexicon.MustSayWords.Contains(said) || (said.Contains(' ', StringComparison.Ordinal) && mustSayPhraseStems.Contains(Key(Analyze(said))));

    /// <summary>Every term the question's words and their synonyms give, against which a passage's names are read.</summary>
    private NamesGiven GivenNames(string[] words, List<Concept> concepts) =>
        new(concepts.SelectMany(c => c.Alternatives).SelectMany(terms => terms).Concat(words.SelectMany(Analyze)).ToHashSet(StringComparer.Ordinal), Analyze, names.SetsAside(words));

    /// <summary>Analyses text with the index's analyzer into its search terms.</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        // Questions reuse the same words and phrases, and reading one phrase analyses its sub-phrases several
        // times over; remembering short texts' terms saves most of that work. The cache is bounded: past its size
        // it stops remembering rather than grow with whatever users type.
        if (text.Length > MaxCachedText)
        {
            return AnalyzeNow(text);
        }

        if (analyzed.TryGetValue(text, out var known))
        {
            return known;
        }

        var terms = AnalyzeNow(text);

        // Counting the entries here rather than asking the dictionary, which would lock all of it on every miss.
        if (Volatile.Read(ref analyzedCount) < MaxCachedTexts && analyzed.TryAdd(text, terms))
        {
            Interlocked.Increment(ref analyzedCount);
        }

        return terms;
    }

    private IReadOnlyList<string> AnalyzeNow(string text)
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

    /// <summary>What a phrase of the question was taken for.</summary>
    private enum Claimed
    {
        Nothing,
        Name,
        Concept,

        /// <summary>Words that shape the question and name nothing it is about.</summary>
        Generic,
    }

    private Claimed Claim(string phrase, Findings found)
    {
        if (lexicon.CountryAliases.TryGetValue(phrase, out var country))
        {
            found.Countries.Add(country);
            found.Concepts.Add(new Concept(phrase, [Analyze(phrase)], ConceptKind.Name));
            return Claimed.Name;
        }

        if (speakers.TryGet(phrase, out var speaker))
        {
            found.AddSpeaker(speaker);
            return Claimed.Name;
        }

        if (lexicon.UncoveredAliases.TryGetValue(phrase, out var actor) || lexicon.MentionedAliases.TryGetValue(phrase, out actor))
        {
            if (lexicon.UncoveredAliases.ContainsKey(phrase))
            {
                found.Uncovered.Add(actor);
            }

            var names = lexicon.ActorNames[actor].Select(Analyze).Where(terms => terms.Count > 0).DistinctBy(Key, StringComparer.Ordinal);
            found.Concepts.Add(new Concept(phrase, names.Prepend(Analyze(phrase)).DistinctBy(Key, StringComparer.Ordinal).ToArray(), ConceptKind.Actor));
            return Claimed.Concept;
        }

        // A phrase a passage must say ("in person", "time of year") is one thing asked, even where a word at its edge
        // means nothing alone or no synonym group holds it.
        var edges = phrase.Split(' ');
        if (edges.Length > 1 && MustBeSaid(phrase) && Analyze(phrase) is { Count: > 0 } mustSay && !synonymGroupsByStems.ContainsKey(Key(mustSay)))
        {
            found.Concepts.Add(new Concept(phrase, [mustSay], ConceptKind.Words));
            return Claimed.Concept;
        }

        // A phrase that starts or ends with a word of no meaning ("the fall", "a taliban") is left to the
        // shorter phrase inside it, so that "the US" is read as the country and not as a synonym of "the".
        if (Analyze(edges[0]).Count == 0 || Analyze(edges[^1]).Count == 0)
        {
            return Claimed.Nothing;
        }

        // A generic word on its own ("right" in "right now") shapes the question; it is not the synonym it looks like.
        // A generic phrase ("brought up") is taken whole, so that its words are not read one by one as the subject.
        var own = Analyze(phrase);
        if (edges.Length > 1 && genericStems.Contains(Key(own)))
        {
            return Claimed.Generic;
        }

        if (own.Count > 0 && !(edges.Length == 1 && genericStems.Contains(Key(own)))
            && synonymGroupsByStems.TryGetValue(Key(own), out var groups))
        {
            var alternatives = groups
                .SelectMany(g => synonymAlternatives[g])
                .Prepend(own)
                .DistinctBy(Key, StringComparer.Ordinal)
                .ToArray();
            var isTopic = alternatives.Any(terms => topicStems.Contains(Key(terms)));
            found.Concepts.Add(new Concept(phrase, alternatives, isTopic ? ConceptKind.Topic : ConceptKind.Words));
            return Claimed.Concept;
        }

        return Claimed.Nothing;
    }

    private static string Key(IReadOnlyList<string> terms) => string.Join(' ', terms);

    private HashSet<string> StemsOf(IEnumerable<string> words) =>
        words.Select(Analyze).Where(terms => terms.Count > 0).Select(Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the passes over a question's words have found so far.</summary>
    private sealed class Findings
    {
        public List<string> Countries { get; } = [];

        public List<string> Speakers { get; } = [];

        public List<string> Uncovered { get; } = [];

        public List<Concept> Concepts { get; } = [];

        /// <summary>A speaker points at their country; the search prefers their statements.</summary>
        public void AddSpeaker((string Speaker, string Country) speaker)
        {
            Speakers.Add(speaker.Speaker);
            Countries.Add(speaker.Country);
        }
    }

    [GeneratedRegex(@"^\d{1,2}(?:am|pm)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();
}
