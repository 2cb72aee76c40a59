using BenchmarkDotNet.Attributes;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Search;

/// <summary>
/// Query latency and allocations of the passage search over the shipped knowledge and synthetic knowledge a
/// thousand times larger. One operation is one question; each invocation asks the whole question mix once.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private KnowledgeStore store = null!;
    private IReadOnlyList<string> all = [];
    private IReadOnlyList<string> unanswerable = [];

    [Params(BenchmarkKnowledge.Shipped, "10k", "100k")]
    public string Knowledge { get; set; } = BenchmarkKnowledge.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        store = KnowledgeStore.Open(BenchmarkKnowledge.Directory(Knowledge), BenchmarkKnowledge.Options("search", Knowledge), semantic: new SemanticOptions { Enabled = false });
        all = QuestionMix.All;
        unanswerable = QuestionMix.Unanswerable;
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    /// <summary>The evaluation set's 112 questions: plain, misspelt, conversational and unanswerable.</summary>
    [Benchmark(OperationsPerInvoke = 112)]
    public int QuestionMix_PerQuestion() => AskAll(all, 112);

    /// <summary>Only the questions the knowledge cannot answer, which search hardest before giving up.</summary>
    [Benchmark(OperationsPerInvoke = 25)]
    public int Unanswerable_PerQuestion() => AskAll(unanswerable, 25);

    private int AskAll(IReadOnlyList<string> questions, int expected)
    {
        if (questions.Count != expected)
        {
            throw new InvalidOperationException($"The question set changed: {questions.Count} questions instead of {expected}; update OperationsPerInvoke.");
        }

        var hits = 0;
        foreach (var question in questions)
        {
            hits += store.Search(question).Hits.Count;
        }

        return hits;
    }
}
