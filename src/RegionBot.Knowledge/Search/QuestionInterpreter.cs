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
internal sealed class QuestionInterpreter
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
    private readonly string[] numberStems;

    /// <summary>How a passage gives someone's age: "62 years old", "aged 62", "born in 1953".</summary>
    private readonly string[] ageStems;

    public QuestionInterpreter(KnowledgeBase knowledge, Analyzer analyzer, Lexicon lexicon)
    {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        speakers = new SpeakerAliases(knowledge, lexicon);
        var textWords = WordSplitter.CountWords(knowledge.Passages.SelectMany(p => new[] { p.Text, p.Section, p.Speaker, p.Role }));
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
        topicStems = StemsOf(lexicon.TopicWords);
        numberStems = StemsOf(lexicon.NumberWords).ToArray();
        ageStems = StemsOf(["old", "age", "aged", "years", "born"]).ToArray();
    }

    public InterpretedQuestion Interpret(string question)
    {
        var words = AskingForOffice(WordSplitter.Words(WordSplitter.Clean(question)).Select(corrector.Correct).ToArray());
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
        if (AsksForMoney(words))
        {
            concepts.Add(new Concept("how much money", [], ConceptKind.Money));
        }
        else if (AsksForNumber(words))
        {
            concepts.Add(new Concept(string.Join(' ', words).Contains("how old", StringComparison.Ordinal) ? "how old" : "how many", [], ConceptKind.Quantity));
        }

        if (AsksForName(words))
        {
            // "Name" only says what is asked for; the passage must name a person, not use the word.
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said is "name" or "names" or "named");
            concepts.Add(new Concept("names", [], ConceptKind.Person));
        }

        if (AsksForDate(words))
        {
            concepts.Add(new Concept("what date", [], ConceptKind.Date));
        }
        else if (AsksForTime(words))
        {
            concepts.Add(new Concept("when", [], ConceptKind.Time));
        }

        return new InterpretedQuestion(
            words,
            concepts,
            found.Countries.Distinct(StringComparer.Ordinal).ToArray(),
            found.Speakers.Distinct(StringComparer.Ordinal).ToArray(),
            found.Uncovered.Distinct(StringComparer.Ordinal).ToArray(),
            words.Any(lexicon.SayingWords.Contains),
            words.Any(lexicon.RegionWords.Contains),
            ShapeOf(words, named))
        {
            HeldOffices = HeldOffices(words, concepts),
            OfficeAskedOf = OfficeAskedOf(words, concepts),
            Counted = concepts.Any(c => c.Kind == ConceptKind.Quantity) ? CountedThing(words, concepts) : null,
        };
    }

    private QuestionShape ShapeOf(string[] words, bool[] named)
    {
        var opening = string.Join(' ', words.Take(2));
        var refersBack = words.Any(lexicon.BackReferenceWords.Contains)
            || opening is "what about" or "how about" || words.FirstOrDefault() is "and" or "also";
        return new QuestionShape(
            refersBack,
            words.Any(lexicon.MoreWords.Contains),
            words.Any(lexicon.CompareWords.Contains),
            words.Any(lexicon.SeveralWords.Contains),
            named.Length > 0 && !named.Contains(false),
            words.Any(lexicon.OverviewWords.Contains));
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

    /// <summary>
    /// "What is the budget", "how much does it cost", "what's the exchange rate": only a passage that gives an amount of
    /// money can answer. A yes-or-no question ("Did Russia pay for the border posts?") may be answered without one.
    /// </summary>
    private bool AsksForMoney(string[] words) =>
        words.Length > 0
        && words[0] is "what" or "whats" or "how" or "which"
        && words.Any(lexicon.MoneyQuestionWords.Contains);

    /// <summary>
    /// "How many", "how much", "how long", "number of", "what is the population": only a passage that gives a number
    /// can answer.
    /// </summary>
    private bool AsksForNumber(string[] words)
    {
        if (words.Length > 0 && words[0] is "what" or "whats" or "which" && words.Any(lexicon.NumberQuestionWords.Contains))
        {
            return true;
        }

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
            if ((words[i] is "how" && words[i + 1] is "soon")
                || (words[i] is "since" && words[i + 1] is "when"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "What date", "which exact day", "in what year", "the date of": only a passage that gives a date (a month, a day
    /// of the week, a year) can answer; "recently" or "last month" places an event in time but gives no date.
    /// </summary>
    private static bool AsksForDate(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "date" or "dates")
            {
                return true;
            }

            // "What day", "which year", with at most one word between: "what exact day", "which calendar year".
            if (words[i] is "what" or "which")
            {
                for (var j = i + 1; j < words.Length && j <= i + 2; j++)
                {
                    if (words[j] is "day" or "month" or "year")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Offices qualified by a holder that is not a covered country: "the Taliban's foreign minister", "Pakistan's
    /// ambassador", "the leader of the Taliban", "foreign minister in the Taliban government". A covered country
    /// already restricts which passages may answer, so "Kyrgyzstan's foreign minister" needs nothing more. The holder
    /// is the word before the office (and its qualifiers), or the word after "of", "in", "for" or "at" (past "the
    /// government"; Russian "у талибов" reads "at taliban").
    /// </summary>
    private List<HeldOffice> HeldOffices(string[] words, List<Concept> concepts)
    {
        var offices = new List<HeldOffice>();
        for (var end = 0; end < words.Length; end++)
        {
            if (!lexicon.RoleWords.Contains(words[end]) || (end + 1 < words.Length && lexicon.RoleWords.Contains(words[end + 1])))
            {
                continue;
            }

            var start = end;
            while (start > 0 && (lexicon.RoleModifierWords.Contains(words[start - 1]) || lexicon.RoleWords.Contains(words[start - 1])))
            {
                start--;
            }

            var before = start > 0 && words[start - 1] is not ("the" or "of") ? words[start - 1] : null;
            var afterOf = end + 2 < words.Length && words[end + 1] is "of" or "in" or "for" or "at"
                ? words.Skip(end + 2).Take(3).FirstOrDefault(w => w is not ("the" or "government" or "govt" or "regime" or "new"))
                : null;
            var office = Analyze(words[end]);
            if (office.Count != 1)
            {
                continue;
            }

            foreach (var holder in new[] { before, afterOf }.OfType<string>())
            {
                if (HolderTerms(holder, concepts) is { Count: > 0 } terms)
                {
                    offices.Add(new HeldOffice(terms, office[0]));
                    break;
                }
            }
        }

        return offices;
    }


    /// <summary>
    /// "Who is the president of Kyrgyzstan?", "who's Turkmenistan's foreign minister": the office whose holder is asked
    /// for, unless a holder outside the covered countries qualifies it (then <see cref="HeldOffices"/> applies).
    /// </summary>
    private string? OfficeAskedOf(string[] words, List<Concept> concepts)
    {
        if (words.Length < 2 || words[0] is not "who" || HeldOffices(words, concepts).Count > 0)
        {
            return null;
        }

        for (var i = 1; i < words.Length && i <= 4; i++)
        {
            if (lexicon.RoleWords.Contains(words[i]) && !(i + 1 < words.Length && lexicon.RoleWords.Contains(words[i + 1])))
            {
                return Analyze(words[i]) is { Count: 1 } office ? office[0] : null;
            }

            if (words[i] is not ("is" or "s" or "was" or "are" or "the" or "current" or "now" or "new") && !lexicon.RoleModifierWords.Contains(words[i])
                && !lexicon.CountryAliases.ContainsKey(words[i]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The one-word ways of naming a holder the question read as a topic (the Taliban) or an actor (Pakistan). The
    /// region is no holder: "a Central Asian leader" is any of the countries' leaders.
    /// </summary>
    private IReadOnlyList<string> HolderTerms(string word, List<Concept> concepts)
    {
        var own = Analyze(word);
        if (own.Count != 1 || lexicon.RegionWords.Contains(word))
        {
            return [];
        }

        var concept = concepts.FirstOrDefault(c => c.Kind is ConceptKind.Topic or ConceptKind.Actor
            && c.Alternatives.Any(a => a.Count == 1 && string.Equals(a[0], own[0], StringComparison.Ordinal)));
        return concept is null
            ? []
            : concept.Alternatives.Where(a => a.Count == 1).Select(a => a[0]).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// What "how many" or "number of" counts: the concept of the word after it ("how many soldiers", "the number of
    /// refugees"), or null when none follows ("how many days after", "how much"). "How old" counts years of age.
    /// </summary>
    private CountedThing? CountedThing(string[] words, List<Concept> concepts)
    {
        for (var i = 0; i + 2 < words.Length; i++)
        {
            if (words[i] is "how" && words[i + 1] is "old")
            {
                return new CountedThing(ageStems, numberStems);
            }

            if (!((words[i] is "how" && words[i + 1] is "many") || (words[i] is "number" && words[i + 1] is "of")))
            {
                continue;
            }

            var next = words[i + 2] is "the" && i + 3 < words.Length ? words[i + 3] : words[i + 2];
            var own = Analyze(next);
            var concept = own.Count == 1
                ? concepts.FirstOrDefault(c => c.Kind is ConceptKind.Words && c.Alternatives.Count > 0 && c.Alternatives[0].Count == 1 && string.Equals(c.Alternatives[0][0], own[0], StringComparison.Ordinal))
                : null;
            if (concept is null || lexicon.TimeWords.Contains(next))
            {
                return null;
            }

            return new CountedThing(
                concept.Alternatives.Where(a => a.Count == 1).Select(a => a[0]).Distinct(StringComparer.Ordinal).ToArray(),
                numberStems);
        }

        return null;
    }

    /// <summary>
    /// "What were the names of the pilots", "name the officials", "как звали пилотов": only a passage that names a
    /// person can answer. "The name of the bridge" asks for no person.
    /// </summary>
    private bool AsksForName(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "name" or "names" or "named" && words.Skip(i + 1).Take(4).Any(lexicon.PeopleNouns.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Who leads the Taliban?", "who chaired the session?" ask for whoever holds an office: they are read as "who is
    /// the leader of the Taliban", so that the office and its holder are looked for together.
    /// </summary>
    private static string[] AskingForOffice(string[] words)
    {
        var office = words.Length > 2 && words[0] is "who"
            ? words[1] switch
            {
                "heads" or "headed" or "leads" or "led" or "runs" or "ran" => "leader",
                "chairs" or "chaired" => "chair",
                "commands" or "commanded" => "commander",
                _ => null,
            }
            : null;
        return office is null ? words : ["who", "is", "the", office, "of", .. words.Skip(words[2] is "the" ? 3 : 2)];
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
