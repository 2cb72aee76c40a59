using System.Diagnostics;
using System.Globalization;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Search;

/// <summary>
/// The distribution of single-question search times (which BenchmarkDotNet's per-invocation statistics hide),
/// with the slowest questions named so a regression points at its cause.
/// </summary>
public static class SearchLatency
{
    public const string Command = "latency";

    public static int Run(Arguments arguments, CancellationToken cancellationToken)
    {
        var sizes = arguments.List("knowledge", $"{BenchmarkKnowledge.Shipped},10k,100k");
        var rounds = arguments.Int("rounds", 5);
        var warmUpRounds = arguments.Int("warmup-rounds", 5);
        var questions = QuestionMix.All;

        // The lexical search unless asked otherwise; the semantic leg has its own benchmark ("semantic").
        var semantic = new SemanticOptions { Enabled = string.Equals(arguments.String("semantic", "off"), "on", StringComparison.Ordinal) };
        var rows = new List<string>();
        foreach (var size in sizes)
        {
            var directory = BenchmarkKnowledge.Directory(size);
            var options = BenchmarkKnowledge.Options("latency", size);
            if (Directory.Exists(options.IndexPath))
            {
                Directory.Delete(options.IndexPath, recursive: true);
            }

            var building = Stopwatch.StartNew();
            KnowledgeStore.Open(directory, options, semantic: semantic).Dispose();
            var buildSeconds = building.Elapsed.TotalSeconds;
            var opening = Stopwatch.StartNew();
            using var store = KnowledgeStore.Open(directory, options, semantic: semantic);
            store.SemanticReady.Wait(cancellationToken);
            var openSeconds = opening.Elapsed.TotalSeconds;

            // Untimed passes let the JIT compile and then optimise (tiered compilation) what every kind of question runs.
            for (var pass = 0; pass < warmUpRounds; pass++)
            {
                foreach (var question in questions)
                {
                    store.Search(question, cancellationToken);
                }
            }

            var samples = new List<(string Question, double Milliseconds)>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    var started = Stopwatch.GetTimestamp();
                    store.Search(question, cancellationToken);
                    samples.Add((question, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                }
            }

            var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {store.Status.Passages} | {buildSeconds:0.00} | {openSeconds:0.00} | {Percentiles.Of(sorted, 50):0.000} | {Percentiles.Of(sorted, 90):0.000} | {Percentiles.Of(sorted, 99):0.000} | {sorted[^1]:0.000} |"));
            Console.WriteLine($"Slowest questions over {size} (median of {rounds} rounds):");
            foreach (var slow in samples.GroupBy(s => s.Question, StringComparer.Ordinal)
                .Select(g => (Question: g.Key, Median: Percentiles.Of(g.Select(s => s.Milliseconds).Order().ToList(), 50)))
                .OrderByDescending(q => q.Median)
                .Take(5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {slow.Median,8:0.000} ms  {slow.Question}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Search latency per question ({questions.Count} questions x {rounds} rounds, one thread):"));
        Console.WriteLine("| knowledge | passages | Open, index built (s) | Open, index reused (s) | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }
}
