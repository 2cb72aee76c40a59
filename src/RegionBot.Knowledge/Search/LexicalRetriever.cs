using Lucene.Net.Search;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// The lexical leg: ranks with BM25 by the query <see cref="LexicalQuery"/> builds, and measures how much of the
/// question each candidate covers, each concept weighted by how rare it is (<see cref="TermStatistics"/>).
/// </summary>
internal sealed class LexicalRetriever
{
    private const int Candidates = 20;

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
    /// Chatty questions hold many words the knowledge has never seen ("sorry", "report", "basic"); together they count
    /// for at most this share of a rare word.
    /// </summary>
    private const double UnknownWordsCap = 0.5;

    /// <summary>What is left of a passage's confidence when the question asks how many or when and it gives neither.</summary>
    private const double MissingFactPenalty = 0.4;

    private readonly KnowledgeBase knowledge;
    private readonly PassageIndex index;
    private readonly Lexicon lexicon;
    private readonly TermStatistics statistics = new();
    private readonly LexicalQuery query;

    /// <param name="lexicon">The word lists that say what a passage must say and what a name is, as the question was read by.</param>
    public LexicalRetriever(KnowledgeBase knowledge, PassageIndex index, Lexicon lexicon)
    {
        this.knowledge = knowledge;
        this.index = index;
        this.lexicon = lexicon;
        query = new LexicalQuery(statistics);
    }

    /// <summary>The candidates, best first, each with its coverage of the question as confidence.</summary>
    public List<PassageHit> Rank(InterpretedQuestion question, CancellationToken cancellationToken) =>
        index.Search(searcher => Rank(searcher, question, cancellationToken));

    /// <summary>Each concept of the question with its weight and ways of saying it, for Explain.</summary>
    public IEnumerable<string> DescribeConcepts(InterpretedQuestion question) => index.Search(searcher =>
        question.Concepts.Select(concept =>
        {
            var alternatives = string.Join(" | ", concept.Alternatives.Select(a => string.Join(' ', a)));
            var (covered, missing, _) = statistics.Weight(searcher.IndexReader, concept);
            return FormattableString.Invariant($"concept '{concept.Said}' ({concept.Kind}, weight {covered:0.00} covered, {missing:0.00} missing): {alternatives}");
        }).ToList());

    private List<PassageHit> Rank(IndexSearcher searcher, InterpretedQuestion question, CancellationToken cancellationToken)
    {
        var top = searcher.Search(query.Build(question, searcher.IndexReader), Candidates);
        cancellationToken.ThrowIfCancellationRequested();
        var reader = searcher.IndexReader;

        // A place the question names that few passages name ("near Almaty", "in Navoi") is part of what it asks: a
        // passage about the same country elsewhere covers less. Naming it adds nothing to a passage that has it, so
        // that "the weather in Almaty" is not half answered by the passage set there. A country's name, or a capital
        // standing for its government, is in many passages or none, and only restricts the search.
        var rarePlace = question.Concepts.Select(c => c.Kind == ConceptKind.Name && statistics.IsRare(c, reader)).ToArray();
        var concepts = question.Concepts.Select((c, i) => rarePlace[i] ? c with { Kind = ConceptKind.Words } : c).ToArray();
        var weights = concepts.Select(c => statistics.Weight(reader, c)).ToArray();
        var coverage = new LexicalCoverage(reader, top.ScoreDocs.Select(d => d.Doc), concepts, term => statistics.Frequency(reader, term) > 0, withContext: question.Speakers.Count > 0 || concepts.Any(c => c.Kind == ConceptKind.Actor));
        var near = question.HeldOffices.Select(NearMatches.Office)
            .Concat(question.OfficeAskedOf is { } office ? [NearMatches.Holding(office)] : [])
            .Concat(question.Counted is { } counted ? [NearMatches.Counted(counted)] : [])
            .Concat(question.SaidBy is { } sayer ? [NearMatches.SaidBy(sayer)] : [])
            .ToArray();
        var saysNear = near.Length == 0 ? null : NearMatches.Matching(searcher, top.ScoreDocs.Select(d => d.Doc), near);
        var ordinals = new DocumentOrdinals(reader);
        var unknownCap = TermStatistics.Idf(reader.NumDocs, 0) * UnknownWordsCap;
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

    /// <summary>Whether a name or topic is rare enough in the knowledge to be what a question asks about ("the Islamic Emirate").</summary>
    public bool IsRare(Concept concept) => index.Search(searcher => statistics.IsRare(concept, searcher.IndexReader));

    /// <summary>
    /// A word outside English and the knowledge that is likely a name ("ashraf", "serhetabat", or letters with a number,
    /// "casa-1000"), not a number, nor a compound of word parts ("co-founder").
    /// </summary>
    private static bool LooksLikeName(Concept concept) =>
        concept.Kind == ConceptKind.Foreign && concept.Said.Count(char.IsLetter) >= 3
        && (concept.Said.All(char.IsLetter) || (concept.Said.Any(char.IsAsciiDigit) && concept.Said.All(c => char.IsLetter(c) || char.IsAsciiDigit(c) || c == '-')));
}
