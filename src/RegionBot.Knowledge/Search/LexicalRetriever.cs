using Lucene.Net.Index;
using Lucene.Net.Search;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// The lexical leg: builds a Lucene query from the interpreted question (never from raw text), ranks with BM25, and
/// measures how much of the question each candidate covers, each concept weighted by how rare it is.
/// </summary>
internal sealed class LexicalRetriever
{
    private const int Candidates = 20;
    private const float AboutBoost = 0.6f;
    private const float SectionBoost = 0.3f;

    /// <summary>
    /// The share of a concept's weight a passage earns when only the paragraph before it has the concept: it sets the
    /// scene, but the passage does not say it. This counts for a statement by the person a question names ("what did
    /// Tokayev say at the CSTO session") and for an actor the question names ("the agreement" after "Russia and
    /// Tajikistan held a meeting"). Three quarters ranked the answer first more often than a half over the question
    /// sets of the evaluation command, and answered no question a half did not.
    /// </summary>
    /// <remarks>
    /// A passage opening by pointing back ("This move came after ...", "He stated ...") continues the one before, whose
    /// scene is then wholly its own: it counts in full.
    /// </remarks>
    private const double ContextShare = 0.75;

    /// <summary>
    /// A word the knowledge has never seen is as likely a paraphrase ("pullout", "daily") as a sign of another
    /// subject ("weather"), so it counts for this share of a rare word. A question made only of such words still
    /// covers nothing and gets no answer.
    /// </summary>
    private const double UnknownWordShare = 0.4;

    /// <summary>
    /// Chatty questions hold many such words ("sorry", "report", "basic"); together they count for at most this
    /// share of a rare word.
    /// </summary>
    private const double UnknownWordsCap = 0.5;

    /// <summary>What is left of a passage's confidence when the question asks how many or when and it gives neither.</summary>
    private const double MissingFactPenalty = 0.4;
    private const float SynonymBoost = 0.7f;
    private const float AlternativesTieBreaker = 0.1f;
    private const float SpeakerBoost = 2f;

    /// <summary>A name or topic word in at most this share of passages is rare enough to help ranking.</summary>
    private const double RareShare = 0.05;

    private readonly KnowledgeBase knowledge;
    private readonly PassageIndex index;
    private readonly Lexicon lexicon;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> countryFilters = new(StringComparer.Ordinal);

    /// <summary>
    /// Document frequencies in the "all" field, remembered: a snapshot's index never changes, questions reuse the same
    /// words and synonyms, and each look-up would otherwise be a seek in the term dictionary. Bounded, like any cache
    /// filled from what users type.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> frequencies = new(StringComparer.Ordinal);
    private int frequencyCount;

    /// <param name="lexicon">The word lists that say what a passage must say and what a name is, as the question was read by.</param>
    public LexicalRetriever(KnowledgeBase knowledge, PassageIndex index, Lexicon lexicon)
    {
        this.knowledge = knowledge;
        this.index = index;
        this.lexicon = lexicon;
    }

    /// <summary>The candidates, best first, each with its coverage of the question as confidence.</summary>
    public List<PassageHit> Rank(InterpretedQuestion question, CancellationToken cancellationToken) =>
        index.Search(searcher => Rank(searcher, question, cancellationToken));

    /// <summary>Each concept of the question with its weight and ways of saying it, for Explain.</summary>
    public IEnumerable<string> DescribeConcepts(InterpretedQuestion question) => index.Search(searcher =>
        question.Concepts.Select(concept =>
        {
            var alternatives = string.Join(" | ", concept.Alternatives.Select(a => string.Join(' ', a)));
            var (covered, missing, _) = Weight(searcher.IndexReader, concept);
            return FormattableString.Invariant($"concept '{concept.Said}' ({concept.Kind}, weight {covered:0.00} covered, {missing:0.00} missing): {alternatives}");
        }).ToList());

    private List<PassageHit> Rank(IndexSearcher searcher, InterpretedQuestion question, CancellationToken cancellationToken)
    {
        var top = searcher.Search(BuildQuery(question, searcher.IndexReader), Candidates);
        cancellationToken.ThrowIfCancellationRequested();
        var reader = searcher.IndexReader;

        // A place the question names that few passages name ("near Almaty", "in Navoi") is part of what it asks: a
        // passage about the same country elsewhere covers less. Naming it adds nothing to a passage that has it, so
        // that "the weather in Almaty" is not half answered by the passage set there. A country's name, or a capital
        // standing for its government, is in many passages or none, and only restricts the search.
        var rarePlace = question.Concepts.Select(c => c.Kind == ConceptKind.Name && IsRare(c, reader)).ToArray();
        var concepts = question.Concepts.Select((c, i) => rarePlace[i] ? c with { Kind = ConceptKind.Words } : c).ToArray();
        var weights = concepts.Select(c => Weight(reader, c)).ToArray();
        var coverage = new LexicalCoverage(reader, top.ScoreDocs.Select(d => d.Doc), concepts, term => Frequency(reader, term) > 0, withContext: question.Speakers.Count > 0 || concepts.Any(c => c.Kind == ConceptKind.Actor));
        var near = question.HeldOffices.Select(NearMatches.Office)
            .Concat(question.OfficeAskedOf is { } office ? [NearMatches.Holding(office)] : [])
            .Concat(question.Counted is { } counted ? [NearMatches.Counted(counted)] : [])
            .Concat(question.SaidBy is { } sayer ? [NearMatches.SaidBy(sayer)] : [])
            .ToArray();
        var saysNear = near.Length == 0 ? null : NearMatches.Matching(searcher, top.ScoreDocs.Select(d => d.Doc), near);
        var ordinals = new DocumentOrdinals(reader);
        var unknownCap = Idf(reader.NumDocs, 0) * UnknownWordsCap;
        var mustSay = concepts.Select(c => MustSay.Applies(question.Words, c, lexicon)).ToArray();
        var hits = new List<PassageHit>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var passage = knowledge.Passages[ordinals.Of(scoreDoc.Doc)];
            var bySpeakerAsked = passage.Speaker is { } speaker && question.Speakers.Contains(speaker, StringComparer.Ordinal);
            double? sceneShare = null;
            var covered = 0.0;
            var asked = 0.0;
            var unknown = 0.0;
            var lacksFact = false;
            var lacksName = false;
            for (var i = 0; i < weights.Length; i++)
            {
                var isCovered = coverage.Covers(scoreDoc.Doc, concepts[i]);
                if (rarePlace[i])
                {
                    asked += isCovered ? 0 : weights[i].Missing;
                    continue;
                }

                // A number the question gives ("in 2023", "on 25 August") places it; a passage without it standing on
                // its own is about another time or amount ("Kaysar-2021" is no year).
                lacksFact |= !isCovered && PassageFacts.Required(concepts[i]) is not null;

                // A name the question gives that the passage lacks, whether unknown ("Ashraf Ghani") or an actor the
                // knowledge only mentions ("Russia", "Putin"), is no detail meaning can vouch for. An actor named in the
                // paragraph before is the passage's own ("the agreement" after "Russia and Tajikistan held a meeting").
                var isActor = concepts[i].Kind == ConceptKind.Actor;
                var inScene = !isCovered && (bySpeakerAsked || isActor) && coverage.CoversInContext(scoreDoc.Doc, concepts[i]);
                lacksName |= !isCovered && (LooksLikeName(concepts[i]) || (isActor && !inScene));

                // "Were the pilots sent back?": the passage telling of the pilots but not of their return is no answer.
                lacksFact |= !isCovered && !inScene && mustSay[i];
                if (inScene)
                {
                    sceneShare ??= PassageFacts.ContinuesBefore(passage, lexicon) ? 1 : ContextShare;
                }

                covered += isCovered ? weights[i].Covered : inScene ? weights[i].Covered * sceneShare!.Value : 0;
                asked += isCovered || inScene ? weights[i].Covered : weights[i].Unknown ? 0 : weights[i].Missing;
                unknown += isCovered || !weights[i].Unknown ? 0 : weights[i].Missing;
            }

            asked += Math.Min(unknown, unknownCap);
            lacksFact |= saysNear is not null && !saysNear.Contains(scoreDoc.Doc);
            lacksFact |= question.OthersThan is { } given && !PassageFacts.NamesOtherThan(passage, given, lexicon);

            // A question asking how many, when or whose office is not answered by a passage that gives no number
            // or time, counts something else, or names the office for someone else, however well it matches otherwise.
            var confidence = (asked == 0 ? 1 : covered / asked) * (lacksFact ? MissingFactPenalty : 1);

            // BM25 rewards repeating one word; scaling by coverage makes a passage that answers the whole question
            // outrank one that only echoes part of it.
            var shape = AnswerPreference.OfShape(question, passage);
            var givesReason = AnswerPreference.GivesReasonAsked(question, passage);
            hits.Add(new PassageHit(passage, scoreDoc.Score * (0.25f + (float)confidence) * AnswerPreference.Of(question, passage, shape, givesReason), (float)confidence)
            {
                LacksAskedFact = lacksFact,
                LacksName = lacksName,
                Preference = shape,
                GivesReasonAsked = givesReason && question.Countries.Count > 0,
            });
        }

        return hits.OrderByDescending(h => h.Score).ToList();
    }

    private Query BuildQuery(InterpretedQuestion question, IndexReader reader)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in question.Concepts.Where(c => c.Alternatives.Count > 0 && Ranks(c, question, reader)))
        {
            // A concept counts once however many of its synonyms a passage uses: the best one scores, the
            // others only break ties.
            var alternatives = new DisjunctionMaxQuery(AlternativesTieBreaker);
            if (Occurs(reader, concept.Alternatives[0]))
            {
                alternatives.Add(new BooleanQuery(disableCoord: true)
                {
                    { TermsQuery(PassageFields.Text, concept.Alternatives[0], 1f), Occur.SHOULD },
                    { TermsQuery(PassageFields.About, concept.Alternatives[0], AboutBoost), Occur.SHOULD },
                    { TermsQuery(PassageFields.Section, concept.Alternatives[0], SectionBoost), Occur.SHOULD },
                });
            }

            // The user's own words are matched field by field; synonyms, which can be many, against the text and
            // speaker together in one field, so that each costs one posting list rather than three. Ways of saying
            // it that the knowledge never uses are left out.
            foreach (var synonym in concept.Alternatives.Skip(1).Where(synonym => Occurs(reader, synonym)))
            {
                alternatives.Add(TermsQuery(PassageFields.All, synonym, SynonymBoost));
            }

            if (alternatives.Disjuncts.Count == 0)
            {
                continue;
            }

            query.Add(alternatives, Occur.SHOULD);
        }

        foreach (var speaker in question.Speakers)
        {
            query.Add(new TermQuery(new Term(PassageFields.Speaker, speaker)) { Boost = SpeakerBoost }, Occur.SHOULD);
        }

        if (question.Countries.Count == 0)
        {
            return query;
        }

        // The country restricts which passages may answer; it must not add to their score, or a passage would win
        // for merely being about the right country. As a cached bit set that the query's scorers consult before
        // scoring a passage, it costs nothing however many passages a country has, and other countries' passages
        // are never scored (at 100k passages the Lucene query took about 2.5 ms this way against 2.9 ms scoring
        // every passage and filtering afterwards, in one pair of runs).
        var filter = CountryFilter(question.Countries);
        if ((!question.HasSubject || query.Clauses.Count == 0) && !question.Concepts.Any(c => c.Kind is ConceptKind.Name or ConceptKind.Topic && IsRare(c, reader)))
        {
            // A question that only names a country or person ("Tell me about Kazakhstan", "What did Tokayev say?")
            // is answered by that person's statements, or by the country's passages in the order of its sources. A
            // rare place or topic among the names ("What did Mirziyoyev say in Navoi?", "Rahmon on the Islamic
            // Emirate") still ranks by the query. So is one asking only for a fact of theirs ("when did Turkmenistan
            // make its statement?"): the passages giving it are found among theirs.
            return question.Speakers.Count > 0
                ? new FilteredQuery(SpeakersQuery(question.Speakers), filter, FilteredQuery.QUERY_FIRST_FILTER_STRATEGY)
                : new ConstantScoreQuery(filter);
        }

        return new FilteredQuery(query, filter, FilteredQuery.RANDOM_ACCESS_FILTER_STRATEGY);
    }

    /// <summary>
    /// Caches a filter as a bit set, which answers "is this passage allowed?" at once; Lucene's default compressed
    /// cache can only be iterated, so the scorers could not consult it.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    private static BooleanQuery SpeakersQuery(IReadOnlyList<string> speakers)
    {
        var query = new BooleanQuery();
        foreach (var speaker in speakers)
        {
            query.Add(new TermQuery(new Term(PassageFields.Speaker, speaker)), Occur.SHOULD);
        }

        return query;
    }

    private Filter CountryFilter(IReadOnlyList<string> countries) =>
        countryFilters.GetOrAdd(string.Join('|', countries.Order(StringComparer.Ordinal)), _ =>
        {
            var any = new BooleanQuery();
            foreach (var country in countries)
            {
                any.Add(new TermQuery(new Term(PassageFields.Country, country)), Occur.SHOULD);
            }

            return new BitSetCachingFilter(new QueryWrapperFilter(any));
        });

    /// <summary>
    /// Whether a concept takes part in ranking. Names and topic words are in most passages of their country or of
    /// the whole knowledge, so they would cost the most to score and tell the least; they rank only when rare (a
    /// town like "Navoi") or when the question asks about nothing else.
    /// </summary>
    private const int MaxRememberedFrequencies = 200_000;

    private int Frequency(IndexReader reader, string term)
    {
        if (frequencies.TryGetValue(term, out var known))
        {
            return known;
        }

        var frequency = reader.DocFreq(new Term(PassageFields.All, term));

        // Counting the entries here rather than asking the dictionary, which would lock all of it on every miss.
        if (Volatile.Read(ref frequencyCount) < MaxRememberedFrequencies && frequencies.TryAdd(term, frequency))
        {
            Interlocked.Increment(ref frequencyCount);
        }

        return frequency;
    }

    /// <summary>Whether a way of saying something occurs in the knowledge at all; one that does not is not searched.</summary>
    private bool Occurs(IndexReader reader, IReadOnlyList<string> terms) => terms.All(term => Frequency(reader, term) > 0);

    private bool Ranks(Concept concept, InterpretedQuestion question, IndexReader reader)
    {
        if (concept.Kind is not (ConceptKind.Topic or ConceptKind.Name) || !question.HasSubject)
        {
            return true;
        }

        return IsRare(concept, reader);
    }

    /// <summary>Whether a name or topic is rare enough in the knowledge to be what a question asks about ("the Islamic Emirate").</summary>
    public bool IsRare(Concept concept) => index.Search(searcher => IsRare(concept, searcher.IndexReader));

    private bool IsRare(Concept concept, IndexReader reader)
    {
        var frequency = concept.Alternatives[0].Select(t => Frequency(reader, t)).DefaultIfEmpty(0).Min();
        return frequency > 0 && frequency <= reader.NumDocs * RareShare;
    }

    private static Query TermsQuery(string field, IReadOnlyList<string> terms, float boost)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        }

        // Stop words are removed from phrases, so allow a little slack between the remaining words.
        var phrase = new PhraseQuery { Slop = 2, Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    /// <summary>
    /// How much a concept counts towards a passage answering the question, when the passage covers it and when it
    /// does not. A word weighs as much as its rarest known way of saying it, since rare words carry a question.
    /// Topic words weigh nothing: every passage is about them, and a number or time asked for is checked apart. An
    /// actor named is weak evidence when present but strong evidence of no answer when absent.
    /// </summary>
    private (double Covered, double Missing, bool Unknown) Weight(IndexReader reader, Concept concept)
    {
        var documents = reader.NumDocs;
        var rarest = Idf(documents, 0);
        if (concept.Kind is ConceptKind.Topic or ConceptKind.Name || PassageFacts.Required(concept) is not null)
        {
            return (0, 0, false);
        }

        var frequencies = concept.Alternatives
            .Select(alternative => alternative.Select(t => Frequency(reader, t)).DefaultIfEmpty(0).Min())
            .ToArray();
        var own = frequencies[0];
        var known = frequencies.Where(f => f > 0).DefaultIfEmpty(0).Max();
        if (known == 0 && concept.Kind is ConceptKind.Words)
        {
            return (0, rarest * UnknownWordShare, true);
        }

        var weight = own > 0 ? Idf(documents, own) : known > 0 ? Idf(documents, known) : rarest;
        return concept.Kind is ConceptKind.Actor ? (weight, rarest, false) : (weight, weight, false);
    }

    /// <summary>
    /// A word outside English and the knowledge that is likely a name ("ashraf", "serhetabat", or letters with a number,
    /// "casa-1000"), not a number, nor a compound of word parts ("co-founder").
    /// </summary>
    private static bool LooksLikeName(Concept concept) =>
        concept.Kind == ConceptKind.Foreign && concept.Said.Count(char.IsLetter) >= 3
        && (concept.Said.All(char.IsLetter) || (concept.Said.Any(char.IsAsciiDigit) && concept.Said.All(c => char.IsLetter(c) || char.IsAsciiDigit(c) || c == '-')));

    private static double Idf(int documents, int frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
