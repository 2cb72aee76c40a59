using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Search;

/// <summary>
/// The time and allocations of <c>KnowledgeStore.Open</c>, which the app does once at start-up: reading and
/// validating the knowledge, then either building the on-disk index (first start, or changed knowledge) or opening
/// the one stored for this knowledge. Each operation is a cold open, so it runs as a monitoring job.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    /// <summary>These measure the lexical index; the semantic leg has its own benchmark (<c>semantic</c>).</summary>
    private static readonly SemanticOptions LexicalOnly = new() { Enabled = false };

    private string directory = string.Empty;
    private SearchOptions options = new();

    [Params(BenchmarkKnowledge.Shipped, "10k", "100k")]
    public string Knowledge { get; set; } = BenchmarkKnowledge.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        directory = BenchmarkKnowledge.Directory(Knowledge);
        options = BenchmarkKnowledge.Options("build", Knowledge);
    }

    /// <summary>Every build starts without a stored index.</summary>
    [IterationSetup(Target = nameof(Open_BuildsIndex))]
    public void DeleteStoredIndex()
    {
        if (Directory.Exists(options.IndexPath))
        {
            Directory.Delete(options.IndexPath, recursive: true);
        }
    }

    /// <summary>The stored index exists before every reuse.</summary>
    [IterationSetup(Target = nameof(Open_ReusesIndex))]
    public void StoreIndex() => KnowledgeStore.Open(directory, options, semantic: LexicalOnly).Dispose();

    [Benchmark]
    public int Open_BuildsIndex()
    {
        using var store = KnowledgeStore.Open(directory, options, semantic: LexicalOnly);
        return store.Status.Passages;
    }

    [Benchmark]
    public int Open_ReusesIndex()
    {
        using var store = KnowledgeStore.Open(directory, options, semantic: LexicalOnly);
        return store.Status.Passages;
    }
}
