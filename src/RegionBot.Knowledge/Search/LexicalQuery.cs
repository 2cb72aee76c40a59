using Lucene.Net.Index;
using Lucene.Net.Search;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Builds the lexical leg's Lucene query from the interpreted question, never from raw text: each concept once, by
/// the best of its ways of saying it, the speakers asked about, and the countries as a filter that adds nothing to a
/// passage's score.
/// </summary>
internal sealed class LexicalQuery(TermStatistics statistics)
{
    private const float AboutBoost = 0.6f;
    private const float SectionBoost = 0.3f;
    private const float SynonymBoost = 0.7f;
    private const float AlternativesTieBreaker = 0.1f;
    private const float SpeakerBoost = 2f;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> countryFilters = new(StringComparer.Ordinal);

    /// <summary>The query for a question: its concepts and speakers, scored, within its countries.</summary>
    public Query Build(InterpretedQuestion question, IndexReader reader)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in question.Concepts.Where(c => c.Alternatives.Count > 0 && Ranks(c, question, reader)))
        {
            // A concept counts once however many of its synonyms a passage uses: the best one scores, the
            // others only break ties.
            var alternatives = new DisjunctionMaxQuery(AlternativesTieBreaker);
            if (statistics.Occurs(reader, concept.Alternatives[0]))
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
            foreach (var synonym in concept.Alternatives.Skip(1).Where(synonym => statistics.Occurs(reader, synonym)))
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
        if ((!question.HasSubject || query.Clauses.Count == 0) && !question.Concepts.Any(c => c.Kind is ConceptKind.Name or ConceptKind.Topic && statistics.IsRare(c, reader)))
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
    private bool Ranks(Concept concept, InterpretedQuestion question, IndexReader reader)
    {
        if (concept.Kind is not (ConceptKind.Topic or ConceptKind.Name) || !question.HasSubject)
        {
            return true;
        }

        return statistics.IsRare(concept, reader);
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
}
