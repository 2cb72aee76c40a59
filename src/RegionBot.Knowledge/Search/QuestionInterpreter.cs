using System.Globalization;
using System.Text;
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
    /// <summary>Questions are cut to this many characters: no real question is longer, and it bounds the work.</summary>
    public const int MaxQuestionLength = 1000;

    private const int MaxPhraseWords = 4;
    private const int MaxConcepts = 64;

    private static readonly HashSet<string> SayingWords = new(
        ["say", "said", "says", "saying", "tell", "told", "state", "stated", "statement", "statements", "quote", "quoted", "words", "announce", "announced", "claim", "claimed", "speech", "comment", "comments", "remarks", "according"],
        StringComparer.Ordinal);

    /// <summary>Words that point back at the person or subject of the previous turn.</summary>
    private static readonly HashSet<string> BackReferences = new(
        ["he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "same"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> MoreWords = new(["else", "more", "another", "other", "others", "further"], StringComparer.Ordinal);

    private static readonly HashSet<string> CompareWords = new(
        ["compare", "compared", "comparing", "comparison", "versus", "vs", "differ", "differs", "difference", "differences", "contrast", "unlike"],
        StringComparer.Ordinal);

    /// <summary>Words that ask about several countries at once, so that no single country is to be chosen.</summary>
    private static readonly HashSet<string> SeveralWords = new(
        ["countries", "which", "who", "any", "all", "each", "both", "every", "neighbours", "neighbors", "states", "governments", "nations", "region", "regional"],
        StringComparer.Ordinal);

    /// <summary>Words that put the region as a whole in question, beside any actor it names.</summary>
    private static readonly HashSet<string> RegionWords = new(
        ["region", "regional", "neighbour", "neighbours", "neighbouring", "neighbor", "neighbors", "neighboring", "central", "asia", "asian"],
        StringComparer.Ordinal);

    /// <summary>Words in the names of institutions that speak, which must not be taken for a person's name.</summary>
    private static readonly HashSet<string> InstitutionWords = new(
        ["foreign", "ministry", "minister", "government", "president", "deputy", "office", "affairs", "state", "national", "department", "council", "agency", "spokesman", "spokesperson", "the", "of"],
        StringComparer.Ordinal);

    private const int MaxCachedText = 64;
    private const int MaxCachedTexts = 50_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> analyzed = new(StringComparer.Ordinal);
    private int analyzedCount;
    private readonly Analyzer analyzer;
    private readonly Lexicon lexicon;
    private readonly TypoCorrector corrector;
    private readonly Dictionary<string, (string Speaker, string Country)> speakerAliases;
    private readonly Dictionary<(char First, int Length), string[]> speakerAliasesByShape;
    private readonly Dictionary<string, int[]> synonymGroupsByStems;
    private readonly IReadOnlyList<string>[][] synonymAlternatives;
    private readonly HashSet<string> genericStems;
    private readonly HashSet<string> topicStems;

    public QuestionInterpreter(KnowledgeBase knowledge, Analyzer analyzer, Lexicon lexicon)
    {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        speakerAliases = BuildSpeakerAliases(knowledge, lexicon);
        var textWords = CountWords(knowledge.Passages.SelectMany(p => new[] { p.Text, p.Section, p.Speaker, p.Role }));
        speakerAliasesByShape = speakerAliases.Keys
            .Where(alias => alias.Length >= 6 && !alias.Contains(' ', StringComparison.Ordinal))
            .GroupBy(alias => (alias[0], alias.Length))
            .ToDictionary(g => g.Key, g => g.ToArray());
        corrector = new TypoCorrector(textWords, lexicon.AllWords.Concat(speakerAliases.Keys.SelectMany(k => k.Split(' '))), lexicon.EnglishWords);

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
        topicStems = StemsOf(lexicon.TopicWords);
    }

    public InterpretedQuestion Interpret(string question)
    {
        var words = Words(Clean(question)).Select(corrector.Correct).ToArray();
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

            if (ClosestSpeaker(words[i]) is { } speaker)
            {
                found.AddSpeaker(speaker);
                named[i] = true;
            }
            else if (Analyze(words[i]) is { Count: > 0 } terms && !genericStems.Contains(Key(terms)))
            {
                // A Russian word the bilingual lexicon did not know counts as an English word the knowledge never
                // uses would: part of the question, but no name the answer must contain.
                var kind = topicStems.Contains(Key(terms)) ? ConceptKind.Topic
                    : corrector.IsWord(words[i]) || RussianText.IsCyrillic(words[i]) ? ConceptKind.Words
                    : ConceptKind.Foreign;
                found.Concepts.Add(new Concept(words[i], [terms], kind));
            }
        }

        var concepts = found.Concepts
            .DistinctBy(c => (c.Kind, Key(c.Alternatives[0])))
            .Take(MaxConcepts)
            .ToList();
        if (AsksForNumber(words))
        {
            concepts.Add(new Concept("how many", [], ConceptKind.Quantity));
        }

        if (AsksForTime(words))
        {
            concepts.Add(new Concept("when", [], ConceptKind.Time));
        }

        return new InterpretedQuestion(
            words,
            concepts,
            found.Countries.Distinct(StringComparer.Ordinal).ToArray(),
            found.Speakers.Distinct(StringComparer.Ordinal).ToArray(),
            found.Uncovered.Distinct(StringComparer.Ordinal).ToArray(),
            words.Any(SayingWords.Contains),
            words.Any(RegionWords.Contains),
            ShapeOf(words, named));
    }

    private static QuestionShape ShapeOf(string[] words, bool[] named)
    {
        var opening = string.Join(' ', words.Take(2));
        var refersBack = words.Any(BackReferences.Contains)
            || opening is "what about" or "how about" || words.FirstOrDefault() is "and" or "also";
        return new QuestionShape(
            refersBack,
            words.Any(MoreWords.Contains),
            words.Any(CompareWords.Contains),
            words.Any(SeveralWords.Contains),
            named.Length > 0 && !named.Contains(false));
    }

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

    /// <summary>
    /// Splits text into lower-case words, keeping inner hyphens, dropping possessive endings and opening
    /// contractions ("won't" → "will not"). "US" in capitals is the country, not the pronoun, so it becomes "usa"
    /// before case is lost.
    /// </summary>
    internal static IEnumerable<string> Words(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            if (string.Equals(match.Value, "US", StringComparison.Ordinal))
            {
                yield return "usa";
                continue;
            }

            var word = match.Value.ToLowerInvariant().Replace('’', '\'');
            var apostrophe = word.IndexOf('\'');
            if (apostrophe < 0)
            {
                yield return word;
                continue;
            }

            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith('\''))
            {
                yield return word[..word.LastIndexOf('\'')];
                continue;
            }

            if (Contractions.TryGetValue(word, out var opened))
            {
                foreach (var part in opened.Split(' '))
                {
                    yield return part;
                }

                continue;
            }

            var contraction = ContractionEndings.FirstOrDefault(c => word.EndsWith(c.Key, StringComparison.Ordinal));
            if (contraction.Key is not null)
            {
                yield return word[..^contraction.Key.Length];
                yield return contraction.Value;
            }
            else
            {
                yield return word.Replace("'", string.Empty, StringComparison.Ordinal);
            }
        }
    }

    private static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["won't"] = "will not",
        ["can't"] = "can not",
        ["shan't"] = "shall not",
        ["ain't"] = "is not",
    };

    /// <summary>What a contraction's ending stands for; the part before it is kept ("they're" → "they are").</summary>
    private static readonly Dictionary<string, string> ContractionEndings = new(StringComparer.Ordinal)
    {
        ["n't"] = "not",
        ["'m"] = "am",
        ["'re"] = "are",
        ["'ve"] = "have",
        ["'ll"] = "will",
        ["'d"] = "would",
    };

    /// <summary>
    /// Counts the lower-case words of many texts. It reads characters directly rather than through
    /// <see cref="Words"/>, because it runs over the whole knowledge at load (millions of words at scale) and most
    /// words repeat: a repeated word costs a lookup, not an allocation.
    /// </summary>
    internal static Dictionary<string, int> CountWords(IEnumerable<string?> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            var length = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                var joins = c is '-' or '\'' or '’';
                if (char.IsLetterOrDigit(c) || (length > 0 && joins && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    if (length < buffer.Length)
                    {
                        buffer[length] = c == '’' ? '\'' : char.ToLowerInvariant(c);
                    }

                    length++;
                    continue;
                }

                if (length is > 0 and <= 64)
                {
                    var word = buffer[..length];
                    if (word.EndsWith("'s", StringComparison.Ordinal))
                    {
                        word = word[..^2];
                    }

                    lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
                }

                length = 0;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>What a phrase of the question was taken for.</summary>
    private enum Claimed
    {
        Nothing,
        Name,
        Concept,
    }

    private Claimed Claim(string phrase, Findings found)
    {
        if (lexicon.CountryAliases.TryGetValue(phrase, out var country))
        {
            found.Countries.Add(country);
            found.Concepts.Add(new Concept(phrase, [Analyze(phrase)], ConceptKind.Name));
            return Claimed.Name;
        }

        if (speakerAliases.TryGetValue(phrase, out var speaker))
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

        // A phrase that starts or ends with a word of no meaning ("the fall", "a taliban") is left to the
        // shorter phrase inside it, so that "the US" is read as the country and not as a synonym of "the".
        var edges = phrase.Split(' ');
        if (Analyze(edges[0]).Count == 0 || Analyze(edges[^1]).Count == 0)
        {
            return Claimed.Nothing;
        }

        // A generic word on its own ("right" in "right now") shapes the question; it is not the synonym it looks like.
        var own = Analyze(phrase);
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

    /// <summary>"How many", "how much", "how long", "number of": only a passage that gives a number can answer.</summary>
    private static bool AsksForNumber(string[] words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if ((words[i] is "how" && words[i + 1] is "many" or "much" or "long" or "far" or "big" or "large" or "old")
                || (words[i] is "number" or "amount" && words[i + 1] is "of"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "When did ...?", "what date", "how soon", "since when": only a passage that places events in time can answer.
    /// A "when" inside the question ("what did he say when he visited ...") only sets the scene.
    /// </summary>
    private static bool AsksForTime(string[] words)
    {
        if (words.FirstOrDefault() is "when")
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if ((words[i] is "what" or "which" && words[i + 1] is "date" or "day" or "month" or "year")
                || (words[i] is "how" && words[i + 1] is "soon")
                || (words[i] is "since" && words[i + 1] is "when"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names are spelt in several ways ("Kazakbaev", "Kazakbayev"): one letter apart still names the speaker. Like
    /// typo correction, it trusts the first letter.
    /// </summary>
    private (string Speaker, string Country)? ClosestSpeaker(string word)
    {
        if (word.Length < 6 || lexicon.GenericWords.Contains(word))
        {
            return null;
        }

        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            foreach (var alias in speakerAliasesByShape.GetValueOrDefault((word[0], length), []))
            {
                if (EditDistance.Bounded(word, alias, 1) <= 1)
                {
                    return speakerAliases[alias];
                }
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
}
