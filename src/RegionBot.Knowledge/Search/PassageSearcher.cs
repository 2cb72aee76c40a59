using Lucene.Net.Index;
using Lucene.Net.Search;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Answers questions from one <see cref="PassageIndex"/>: builds a Lucene query from the interpreted question (never
/// from raw text), ranks with BM25, and keeps only passages that cover enough of what the question asks.
/// </summary>
internal sealed class PassageSearcher
{
    private const int Candidates = 20;
    private const float AboutBoost = 0.6f;
    private const float SynonymBoost = 0.7f;
    private const float SpeakerBoost = 2f;
    private const float StatementBoost = 0.5f;

    /// <summary>Extra passages must score at least this share of the best one, so an answer never trails off into noise.</summary>
    private const double RelativeScoreFloor = 0.45;

    private static readonly HashSet<string> NumberWords = new(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions"],
        StringComparer.Ordinal);

    private readonly KnowledgeBase knowledge;
    private readonly PassageIndex index;
    private readonly QuestionInterpreter interpreter;
    private readonly SearchOptions options;
    private readonly Dictionary<string, Passage> passagesById;
    private readonly Dictionary<string, HashSet<string>> termsById;
    private readonly HashSet<string> quantitative;

    public PassageSearcher(KnowledgeBase knowledge, PassageIndex index, QuestionInterpreter interpreter, SearchOptions options)
    {
        this.knowledge = knowledge;
        this.index = index;
        this.interpreter = interpreter;
        this.options = options;
        passagesById = knowledge.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        termsById = knowledge.Passages.ToDictionary(
            p => p.Id,
            p => interpreter.Analyze(string.Join(' ', p.Text, p.Section, p.Speaker, p.Role, p.Country)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        quantitative = knowledge.Passages.Where(p => GivesNumber(p.Text)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    }

    public SearchAnswer Search(string question, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var interpreted = interpreter.Interpret(question);
        if (interpreted.IsEmpty)
        {
            return NoAnswer(question, interpreted, NoAnswerReason.EmptyQuestion);
        }

        var coveredSubject = interpreted.Countries.Count > 0 || interpreted.Speakers.Count > 0;
        if (interpreted.UncoveredActors.Count > 0 && !coveredSubject)
        {
            return NoAnswer(question, interpreted, NoAnswerReason.NotCovered);
        }

        if (interpreted.Concepts.Count == 0 && !coveredSubject)
        {
            return NoAnswer(question, interpreted, NoAnswerReason.EmptyQuestion);
        }

        var hits = index.Search(searcher => Rank(searcher, interpreted, cancellationToken));
        if (hits.Count == 0 || hits[0].Confidence < options.MinConfidence)
        {
            return NoAnswer(question, interpreted, NoAnswerReason.WeakMatch);
        }

        var best = hits[0].Score;
        var answer = hits
            .Where(h => h.Confidence >= options.MinConfidence && h.Score >= best * RelativeScoreFloor)
            .Take(Math.Max(1, options.PassagesPerAnswer))
            .ToArray();
        return new SearchAnswer(question, answer, null, knowledge.CoveredCountries, interpreted.Countries);
    }

    private List<PassageHit> Rank(IndexSearcher searcher, InterpretedQuestion question, CancellationToken cancellationToken)
    {
        var query = BuildQuery(question);
        var top = searcher.Search(query, Candidates);
        cancellationToken.ThrowIfCancellationRequested();
        var weights = question.Concepts.Select(c => Weight(searcher.IndexReader, c)).ToArray();
        var totalWeight = weights.Sum();
        var hits = new List<PassageHit>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var id = searcher.Doc(scoreDoc.Doc).Get(PassageFields.Id);
            var covered = question.Concepts.Select((c, i) => Covers(id, c) ? weights[i] : 0).Sum();
            var confidence = totalWeight == 0 ? 1 : covered / totalWeight;

            // BM25 rewards repeating one word; scaling by coverage makes a passage that answers the whole question
            // outrank one that only echoes part of it.
            hits.Add(new PassageHit(passagesById[id], scoreDoc.Score * (0.25f + (float)confidence), (float)confidence));
        }

        return hits.OrderByDescending(h => h.Score).ToList();
    }

    private static Query BuildQuery(InterpretedQuestion question)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in question.Concepts.Where(c => c.Alternatives.Count > 0))
        {
            var alternatives = new BooleanQuery(disableCoord: true);
            for (var i = 0; i < concept.Alternatives.Count; i++)
            {
                var boost = i == 0 ? 1f : SynonymBoost;
                alternatives.Add(TermsQuery(PassageFields.Text, concept.Alternatives[i], boost), Occur.SHOULD);
                alternatives.Add(TermsQuery(PassageFields.About, concept.Alternatives[i], boost * AboutBoost), Occur.SHOULD);
            }

            query.Add(alternatives, Occur.SHOULD);
        }

        foreach (var speaker in question.Speakers)
        {
            query.Add(new TermQuery(new Term(PassageFields.Speaker, speaker)) { Boost = SpeakerBoost }, Occur.SHOULD);
        }

        if (question.AsksWhatWasSaid)
        {
            query.Add(new TermQuery(new Term(PassageFields.Kind, "statement")) { Boost = StatementBoost }, Occur.SHOULD);
        }

        if (question.Countries.Count > 0)
        {
            var countries = new BooleanQuery();
            foreach (var country in question.Countries)
            {
                countries.Add(new TermQuery(new Term(PassageFields.Country, country)), Occur.SHOULD);
            }

            // The country restricts which passages may answer; it must not add to their score, or a passage would
            // win for merely being about the right country.
            query.Add(new ConstantScoreQuery(countries) { Boost = 0f }, Occur.MUST);
        }

        return query;
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

    private bool Covers(string passageId, Concept concept) => concept.Kind switch
    {
        ConceptKind.Topic => true,
        ConceptKind.Quantity => quantitative.Contains(passageId),
        _ => concept.Alternatives.Any(alternative => alternative.All(termsById[passageId].Contains)),
    };

    /// <summary>
    /// A concept weighs as much as its rarest known way of saying it: rare words carry the question. A concept
    /// the index has never seen weighs the most, so a question about something absent cannot be answered.
    /// </summary>
    private static double Weight(IndexReader reader, Concept concept)
    {
        var documents = reader.NumDocs;
        if (concept.Alternatives.Count == 0)
        {
            return Math.Log(1 + ((documents + 0.5) / 0.5));
        }

        var frequencies = concept.Alternatives
            .Select(alternative => alternative.Select(t => reader.DocFreq(new Term(PassageFields.All, t))).DefaultIfEmpty(0).Min())
            .ToArray();
        var own = frequencies[0];
        var frequency = own > 0 ? own : frequencies.Where(f => f > 0).DefaultIfEmpty(0).Max();
        return Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
    }

    private static bool GivesNumber(string text) =>
        text.Any(char.IsAsciiDigit) || QuestionInterpreter.Words(text).Any(NumberWords.Contains);

    private SearchAnswer NoAnswer(string question, InterpretedQuestion interpreted, NoAnswerReason reason) =>
        new(question, [], reason, knowledge.CoveredCountries, interpreted.Countries);
}
