using RegionBot.Evaluation;

namespace RegionBot.Benchmarks.Support;

/// <summary>
/// The questions the benchmarks ask: the evaluation set, which mixes plain, misspelt, long conversational and
/// unanswerable questions the way users ask them.
/// </summary>
public static class QuestionMix
{
    private static readonly Lazy<IReadOnlyList<EvaluationQuestion>> Set = new(() => QuestionSet.Load(RepositoryPaths.Questions));

    public static IReadOnlyList<string> All => Set.Value.Select(q => q.Question).ToArray();

    public static IReadOnlyList<string> Unanswerable => Set.Value.Where(q => !q.IsAnswerable).Select(q => q.Question).ToArray();
}
