using RegionBot.Knowledge.Search;

namespace RegionBot.Evaluation;

/// <summary>Runs every question of a set through a search and scores what comes back.</summary>
public sealed class Evaluator(Func<string, CancellationToken, SearchAnswer> search, EvaluationTargets? targets = null)
{
    public Evaluator(IPassageSearch search, EvaluationTargets? targets = null)
        : this((question, cancellationToken) => search.Search(question, cancellationToken), targets)
    {
    }

    /// <summary>How many leading hits recall@3 looks at.</summary>
    public const int RecallDepth = 3;

    public EvaluationReport Evaluate(IReadOnlyList<EvaluationQuestion> questions, CancellationToken cancellationToken = default)
    {
        var results = new List<QuestionResult>(questions.Count);
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = search(question.Question, cancellationToken);
            var hits = answer.Hits.Select(hit => new ReturnedHit(hit.Passage.Id, hit.Confidence)).ToArray();
            results.Add(new QuestionResult(question, hits, answer.NoAnswer));
        }

        return new EvaluationReport(results, targets ?? EvaluationTargets.Default);
    }
}
