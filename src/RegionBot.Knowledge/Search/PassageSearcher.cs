using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Answers questions from one version of the knowledge: interprets the question, completes a follow-up, applies
/// the vetoes (an actor the knowledge does not cover), runs the lexical leg and, when it pays, the semantic leg,
/// fuses them (<see cref="HybridFusion"/>), and keeps only passages confident enough to be an answer.
/// </summary>
internal sealed class PassageSearcher
{
    /// <summary>Extra passages must score at least this share of the best one, so an answer never trails off into noise.</summary>
    private const double RelativeScoreFloor = 0.45;

    /// <summary>Passages about other countries scoring at least this share of the best one make the question ambiguous.</summary>
    private const double ClarifyMargin = 0.85;

    private const int MaxChoices = 4;

    /// <summary>
    /// A lexical answer covering at least this share of the question, and clearly ahead of the next passage, is
    /// certain enough: the semantic leg, which costs the model's time to embed the question, is skipped.
    /// </summary>
    internal const double CertainConfidence = 0.8;

    /// <summary>A runner-up scoring at least this share of the lexical best makes the lexical order a near tie, which meaning can break.</summary>
    private const double NearTie = 0.9;

    private readonly KnowledgeBase knowledge;
    private readonly QuestionInterpreter interpreter;
    private readonly LexicalRetriever lexical;
    private readonly SemanticRetriever? semantic;
    private readonly FollowUpCompleter followUps;
    private readonly SearchOptions options;

    public PassageSearcher(KnowledgeBase knowledge, QuestionInterpreter interpreter, LexicalRetriever lexical, SemanticRetriever? semantic, SearchOptions options)
    {
        this.knowledge = knowledge;
        this.interpreter = interpreter;
        this.lexical = lexical;
        this.semantic = semantic;
        this.options = options;
        followUps = new FollowUpCompleter(interpreter);
    }

    /// <summary>The semantic leg's state, or null when it is switched off.</summary>
    public SemanticRetriever? Semantic => semantic;

    /// <summary>What kind of fact a passage gives, indexed so that "how many" and "when" questions can require it.</summary>
    public static IEnumerable<string> FactsGiven(Passage passage) => PassageFacts.Given(passage, Lexicon.Default);

    /// <param name="mode">Which legs run: the bot runs both; the evaluation compares each alone.</param>
    public SearchAnswer Search(string question, SearchContext? context, CancellationToken cancellationToken, SearchMode mode = SearchMode.Hybrid)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (interpreted, isFollowUp) = followUps.Complete(interpreter.Interpret(question), context);
        var aboutTopicOnly = AboutTopicOnly(interpreted);
        if (AnswersWithOverview(interpreted, aboutTopicOnly))
        {
            return new SearchAnswer(question, Overview(interpreted, cancellationToken), null, knowledge.CoveredCountries, [])
            {
                Topic = interpreted.Topic,
                IsFollowUp = isFollowUp,
            };
        }

        if (Veto(interpreted, aboutTopicOnly) is { } reason)
        {
            return NoAnswer(question, interpreted, reason);
        }

        var excluded = interpreted.Shape.AsksForMore && context is not null
            ? context.ShownPassageIds.ToHashSet(StringComparer.Ordinal)
            : [];
        var text = SemanticText(question, interpreted, isFollowUp ? context?.Topic : null);
        var compares = interpreted.Shape.Compares && interpreted.Countries.Count >= 2;
        var fused = compares
            ? interpreted.Countries
                .Select(country => Confident(Candidates(interpreted with { Countries = [country] }, text, excluded, mode, cancellationToken, isFollowUp).Fused).FirstOrDefault())
                .OfType<FusedCandidate>()
                .ToList()
            : [];

        // A comparison needs a passage on each side; with fewer, the question is answered as it stands.
        compares = fused.Count >= 2;
        if (!compares)
        {
            fused = Confident(Candidates(interpreted, text, excluded, mode, cancellationToken, isFollowUp).Fused).ToList();
        }

        if (fused.Count == 0)
        {
            return NoAnswer(question, interpreted, NoAnswerReason.WeakMatch) with { IsFollowUp = isFollowUp };
        }

        // "The big picture on how the neighbours are reacting" is answered by the overview where it answers at all.
        if (interpreted.Shape.AsksOverview && interpreted.Countries.Count == 0 && interpreted.Speakers.Count == 0
            && fused.Any(f => IsOverview(f.Passage)))
        {
            fused = fused.Where(f => IsOverview(f.Passage)).ToList();
        }

        var top = fused[0];
        var answer = compares ? fused : fused
            .Where(f => f == top || f.LexicalScore >= top.LexicalScore * RelativeScoreFloor || f.SemanticRank <= 2)
            .Take(Math.Max(1, options.PassagesPerAnswer))
            .ToList();
        var coveredSubject = interpreted.Countries.Count > 0 || interpreted.Speakers.Count > 0;
        return new SearchAnswer(question, answer.Select(f => new PassageHit(f.Passage, f.Score, f.Confidence)).ToArray(), null, knowledge.CoveredCountries, interpreted.Countries)
        {
            ShownBefore = excluded.ToArray(),
            Topic = interpreted.Topic,
            Speakers = interpreted.Speakers,
            IsFollowUp = isFollowUp,
            IsComparison = compares,
            Clarify = compares || coveredSubject || interpreted.Shape.AsksAboutSeveral ? [] : CountriesToChooseFrom(fused),
        };
    }

    /// <summary>How a question was understood, each leg's best candidates with ranks and scores, and the fused confidence.</summary>
    public string Explain(string question, SearchMode mode = SearchMode.Hybrid) => SearchExplainer.Explain(this, interpreter.Interpret(question), question, mode);

    internal LexicalRetriever Lexical => lexical;

    internal SearchOptions Options => options;

    /// <summary>
    /// What the semantic leg embeds: the question, the subject a follow-up carries over, and the countries and
    /// speakers the question points at by their names in the knowledge. A capital or a demonym ("Ashgabat",
    /// "Kazakh") means little to the model; the country's own name is what the passages use.
    /// </summary>
    /// <remarks>
    /// The question is given as the search read it: cleaned, typos corrected and American spellings made British, as
    /// the passages are written, so that "neighbors" and "neighbours" mean the same to both legs.
    /// </remarks>
    internal static string SemanticText(string question, InterpretedQuestion interpreted, string? carriedTopic)
    {
        var names = interpreted.Countries.Concat(interpreted.Speakers).ToArray();
        var read = interpreted.Words.Count > 0 ? string.Join(' ', interpreted.Words.Select(Indexing.SpellingVariants.ToBritish)) : question;
        var text = carriedTopic is null ? read : $"{read} {carriedTopic}";
        return names.Length == 0 ? text : $"{text} ({string.Join(", ", names)})";
    }

    /// <summary>
    /// "Give me an overview", "what is the article about": a request for the big picture that names no country,
    /// person or actor and asks about nothing in particular is answered by the knowledge's overview passages. So is a
    /// question about nothing but the topic that does not ask to define it ("Taliban", "tell me about the Taliban",
    /// "what is happening in Afghanistan?").
    /// </summary>
    private static bool AsksOnlyForOverview(InterpretedQuestion interpreted, bool aboutTopicOnly) =>
        (interpreted.Shape.AsksOverview && !interpreted.HasSubject
            && interpreted.Countries.Count == 0 && interpreted.Speakers.Count == 0 && interpreted.UncoveredActors.Count == 0)
        || (aboutTopicOnly && !interpreted.Shape.AsksDefinition);

    /// <summary>
    /// A question about nothing but what every passage is about (the Taliban, Afghanistan, Kabul), with no country,
    /// person or region to ask after and no rare topic ("the Islamic Emirate"), standing on its own.
    /// </summary>
    private bool AboutTopicOnly(InterpretedQuestion interpreted) =>
        interpreted.Concepts.Count > 0 && !interpreted.HasSubject && !interpreted.MentionsRegion
        && interpreted.Countries.Count == 0 && interpreted.Speakers.Count == 0 && interpreted.UncoveredActors.Count == 0
        && !interpreted.Shape.AsksForMore && !interpreted.Shape.RefersBack && !interpreted.Concepts.Any(lexical.IsRare);

    /// <summary>
    /// The overview passages (country "Region"), as many as an answer holds: first those the question's own words
    /// find ("a country-by-country breakdown" is the passage calling itself a breakdown), then the rest in the order
    /// of their sources (the sort is stable).
    /// </summary>
    private PassageHit[] Overview(InterpretedQuestion interpreted, CancellationToken cancellationToken)
    {
        var found = lexical.Rank(interpreted, cancellationToken)
            .Where(h => IsOverview(h.Passage))
            .Select((h, rank) => (h.Passage.Id, rank))
            .ToDictionary(h => h.Id, h => h.rank, StringComparer.Ordinal);
        return knowledge.Passages
            .Where(IsOverview)
            .OrderBy(passage => found.GetValueOrDefault(passage.Id, int.MaxValue))
            .Take(Math.Max(1, options.PassagesPerAnswer))
            .Select(passage => new PassageHit(passage, 1f, 1f))
            .ToArray();
    }

    private static bool IsOverview(Passage passage) => string.Equals(passage.Country, Countries.Region, StringComparison.Ordinal);

    /// <summary>Whether the question is answered by the overview passages without a search.</summary>
    internal bool AnswersWithOverview(InterpretedQuestion interpreted) => AnswersWithOverview(interpreted, AboutTopicOnly(interpreted));

    private bool AnswersWithOverview(InterpretedQuestion interpreted, bool aboutTopicOnly) =>
        AsksOnlyForOverview(interpreted, aboutTopicOnly) && knowledge.Passages.Any(IsOverview);

    /// <summary>Why a question gets no answer before any passage is looked at; null when it may have one.</summary>
    internal NoAnswerReason? Veto(InterpretedQuestion interpreted) => Veto(interpreted, AboutTopicOnly(interpreted));

    private static NoAnswerReason? Veto(InterpretedQuestion interpreted, bool aboutTopicOnly)
    {
        if (interpreted.IsEmpty)
        {
            return NoAnswerReason.EmptyQuestion;
        }

        // An office of an actor outside the knowledge ("the name of Pakistan's foreign minister") is answered only by a
        // passage naming the office and its holder together (NearMatches.Office), as a passage may in passing.
        var coveredSubject = interpreted.Countries.Count > 0 || interpreted.Speakers.Count > 0 || interpreted.HeldOffices.Count > 0;
        if (interpreted.UncoveredActors.Count > 0 && !coveredSubject && !interpreted.MentionsRegion)
        {
            return NoAnswerReason.NotCovered;
        }

        if (interpreted.Concepts.Count == 0 && !coveredSubject)
        {
            return NoAnswerReason.EmptyQuestion;
        }

        // "What is the Taliban?", "who founded the Taliban?" ask what the knowledge never says; any passage would
        // answer them by chance. Other questions about nothing but the topic get the overview (AsksOnlyForOverview).
        return aboutTopicOnly && interpreted.Shape.AsksDefinition ? NoAnswerReason.WeakMatch : null;
    }

    /// <summary>Both legs' candidates, fused; the semantic leg runs only when the lexical answer is not already certain.</summary>
    internal (List<FusedCandidate> Fused, IReadOnlyList<PassageHit> Lexical, IReadOnlyList<SemanticCandidate> Semantic, string SemanticState) Candidates(
        InterpretedQuestion interpreted, string text, IReadOnlySet<string> excluded, SearchMode mode, CancellationToken cancellationToken, bool isFollowUp = false)
    {
        // Passages shown before are left out of both legs when the user asks for more.
        var lexicalHits = mode == SearchMode.Semantic ? [] : lexical.Rank(interpreted, cancellationToken).Where(h => !excluded.Contains(h.Passage.Id)).ToArray();
        var best = lexicalHits.Length == 0 ? 0 : lexicalHits[0].Confidence;
        var certain = best >= CertainConfidence && (lexicalHits.Length < 2 || lexicalHits[1].Score < lexicalHits[0].Score * NearTie);
        string state;
        if (mode == SearchMode.Lexical || semantic is null)
        {
            state = semantic is null ? "off" : "not used (lexical only)";
        }
        else if (!semantic.IsReady)
        {
            var progress = semantic.Progress;
            state = FormattableString.Invariant($"not ready ({progress.Embedded} of {progress.Total} passages embedded)");
        }
        else if (mode == SearchMode.Hybrid && certain)
        {
            state = FormattableString.Invariant($"skipped: the lexical answer covers {best:0.00} of the question");
        }
        else if (mode == SearchMode.Hybrid && !lexicalHits.Take(HybridFusion.AgreementLexicalDepth).Any(h => h.Confidence > 0))
        {
            // Meaning only vouches for passages the words found covering part of the question; with none, it cannot help.
            state = "skipped: no passage covers any of the question's words for meaning to agree with";
        }
        else
        {
            var found = semantic.Rank(text, interpreted.Countries, excluded, cancellationToken);
            var fused = mode == SearchMode.Semantic
                ? HybridFusion.SemanticOnly(found)
                : HybridFusion.Fuse(lexicalHits, found, hit => MayAgree(interpreted, hit), doubtDisagreement: !isFollowUp);
            return (fused, lexicalHits, found, "used");
        }

        return (HybridFusion.LexicalOnly(lexicalHits), lexicalHits, [], state);
    }

    /// <summary>
    /// Whether the semantic leg may vouch for a passage: not when the question names an actor the knowledge does not
    /// cover, nor when the passage lacks what the question asks for beyond its words (a number, a time, a date, the
    /// holder of an office) or a name the question gives. Those vetoes hold whatever the passage means.
    /// </summary>
    private static bool MayAgree(InterpretedQuestion interpreted, PassageHit hit) =>
        interpreted.UncoveredActors.Count == 0 && !hit.LacksAskedFact && !hit.LacksName;

    private IEnumerable<FusedCandidate> Confident(IEnumerable<FusedCandidate> ranked) =>
        ranked.Where(f => f.Confidence >= options.MinConfidence);

    /// <summary>
    /// When the best passages are about different countries and score within a close margin, the question could
    /// mean any of them. Scores are compared lexically, where the margin was measured.
    /// </summary>
    private static IReadOnlyList<string> CountriesToChooseFrom(List<FusedCandidate> fused)
    {
        var top = fused.Max(f => f.LexicalScore);
        if (top <= 0)
        {
            return [];
        }

        var close = fused
            .Where(f => f.LexicalScore >= top * ClarifyMargin && !string.Equals(f.Passage.Country, Countries.Region, StringComparison.Ordinal))
            .Select(f => f.Passage.Country)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxChoices)
            .ToArray();
        return close.Length >= 2 ? close : [];
    }

    private SearchAnswer NoAnswer(string question, InterpretedQuestion interpreted, NoAnswerReason reason) =>
        new(question, [], reason, knowledge.CoveredCountries, interpreted.Countries)
        {
            Topic = interpreted.Topic,
            Speakers = interpreted.Speakers,
        };
}
