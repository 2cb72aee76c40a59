using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;

namespace RegionBot.Benchmarks.Search;

/// <summary>
/// The time and allocations of <see cref="KnowledgeStore.Open"/>: reading, validating and indexing the knowledge,
/// which the app does once at start-up. Each operation is a cold open, so it runs as a monitoring job.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    private string directory = string.Empty;

    [Params(BenchmarkKnowledge.Shipped, "10k", "100k")]
    public string Knowledge { get; set; } = BenchmarkKnowledge.Shipped;

    [GlobalSetup]
    public void Setup() => directory = BenchmarkKnowledge.Directory(Knowledge);

    [Benchmark]
    public int Open()
    {
        using var store = KnowledgeStore.Open(directory, new SearchOptions());
        return store.Status.Passages;
    }
}
