using System.Diagnostics;
using System.Globalization;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Search;

/// <summary>
/// The semantic leg's costs: embedding throughput and the first build of the vectors, hybrid search latency with
/// questions the cache has not seen against the model's own time to embed a question, the exact scan alone, resident
/// memory, and ONNX Runtime's threading (one intra-op thread per call against two).
/// </summary>
public static class SemanticBenchmark
{
    public const string Command = "semantic";

    public static int Run(Arguments arguments, CancellationToken cancellationToken)
    {
        var sizes = arguments.List("knowledge", $"{BenchmarkKnowledge.Shipped},10k");
        var rounds = arguments.Int("rounds", 2);

        // Sizes whose vectors are too many to compute on the machine at hand get random unit vectors instead: the
        // costs (scan, memory, reuse, latency) are the same, the answers are not, and the first build is then
        // estimated from the measured passages per second.
        var randomSizes = arguments.List("random-vectors", string.Empty).ToHashSet(StringComparer.Ordinal);
        if (arguments.String("threads", "yes") == "yes")
        {
            Threading(cancellationToken);
        }

        var rows = new List<string>();
        foreach (var size in sizes)
        {
            var directory = BenchmarkKnowledge.Directory(size);
            var options = BenchmarkKnowledge.Options("semantic", size);
            if (Directory.Exists(options.IndexPath))
            {
                Directory.Delete(options.IndexPath, recursive: true);
            }

            // First build: the lexical index at once, every vector in the background, as at a bot's first start.
            var clock = Stopwatch.StartNew();
            double lexicalSeconds;
            double vectorSeconds;
            var random = randomSizes.Contains(size);
            if (random)
            {
                using (var lexical = KnowledgeStore.Open(directory, options, null, new SemanticOptions { Enabled = false }))
                {
                    lexicalSeconds = clock.Elapsed.TotalSeconds;
                    RandomVectors.Write(lexical);
                }

                vectorSeconds = double.NaN;
            }
            else
            {
                using var store = KnowledgeStore.Open(directory, options, null, new SemanticOptions { MaxPassagesEmbeddedBeforeSwap = 0 });
                lexicalSeconds = clock.Elapsed.TotalSeconds;
                var lastReport = TimeSpan.Zero;
                while (!store.SemanticReady.Wait(TimeSpan.FromSeconds(1), cancellationToken))
                {
                    if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(60))
                    {
                        lastReport = clock.Elapsed;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size}: {store.Status.Semantic.Embedded} of {store.Status.Semantic.Total} embedded after {clock.Elapsed.TotalSeconds:0} s"));
                    }
                }

                vectorSeconds = clock.Elapsed.TotalSeconds - lexicalSeconds;
            }

            if (random)
            {
                Console.WriteLine($"  {size}: random vectors (costs only; answers by meaning are not measured here)");
            }

            // Reopened with the vectors reused and no question cache: every question is one the model has not seen.
            var reopening = Stopwatch.StartNew();
            using var reused = KnowledgeStore.Open(directory, options, null, new SemanticOptions { QueryCacheSize = 0 });
            reused.SemanticReady.Wait(cancellationToken);
            var reopenSeconds = reopening.Elapsed.TotalSeconds;
            var (all, semanticOnes, share, legQuestions) = HybridLatency(reused, rounds, cancellationToken);
            var embedding = QuestionEmbedding(QuestionMix.All, rounds, cancellationToken);
            var legEmbedding = QuestionEmbedding(legQuestions.Select(q => q.Question).ToArray(), rounds, cancellationToken);
            var overhead = legQuestions.Select(q => q.Milliseconds - legEmbedding.ByQuestion[q.Question]).Order().ToList();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var residentMiB = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
            var passages = reused.Status.Passages;

            // After the resident memory is read: the scan's own vectors are not the store's.
            var scan = Scan(passages);
            var build = random ? "random" : string.Create(CultureInfo.InvariantCulture, $"{vectorSeconds:0.0} | {passages / vectorSeconds:0}");
            if (random)
            {
                build += " | ";
            }

            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {passages} | {lexicalSeconds:0.00} | {build} | {reopenSeconds:0.00} | {Percentiles.Of(all, 50):0.00} | {Percentiles.Of(semanticOnes, 50):0.00} | {embedding.Median:0.00} | {legEmbedding.Median:0.00} | {Percentiles.Of(overhead, 50):0.00} | {share:P0} | {scan.Quantised:0.00} | {scan.Float:0.00} | {residentMiB:0} |");
            Console.WriteLine(row);
            rows.Add(row);
        }

        Console.WriteLine();
        Console.WriteLine("Semantic leg (one intra-op thread, batches of 16, no question cache):");
        Console.WriteLine("| knowledge | passages | lexical index ready (s) | vectors computed (s) | passages/s | reopened, vectors reused (s) | hybrid search p50 (ms) | p50 of searches running the semantic leg (ms) | model's question embedding p50, whole mix (ms) | model's embedding p50, the same questions (ms) | p50 of each such search minus the model's time for its question (ms) | searches running the semantic leg | exact 8-bit scan alone (ms) | float scan, for comparison (ms) | RSS (MiB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>Every question of the mix, timed; and those that ran the semantic leg, apart, with their questions.</summary>
    private static (List<double> All, List<double> Semantic, double Share, List<(string Question, double Milliseconds)> LegQuestions) HybridLatency(KnowledgeStore store, int rounds, CancellationToken cancellationToken)
    {
        var questions = QuestionMix.All;
        foreach (var question in questions)
        {
            store.Search(question, cancellationToken);
        }

        var all = new List<double>();
        var semantic = new List<double>();
        var legQuestions = new List<(string, double)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var before = store.Status.Semantic.SemanticSearches;
                var started = Stopwatch.GetTimestamp();
                store.Search(question, cancellationToken);
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                all.Add(milliseconds);
                if (store.Status.Semantic.SemanticSearches > before)
                {
                    semantic.Add(milliseconds);
                    legQuestions.Add((question, milliseconds));
                }
            }
        }

        all.Sort();
        semantic.Sort();
        return (all, semantic.Count > 0 ? semantic : [0], (double)semantic.Count / all.Count, legQuestions);
    }

    /// <summary>
    /// The model's own time to embed each question as the user typed it, and the median over the questions. As in the
    /// searches, each call embeds a question other than the one before, and each question is timed in every round (its
    /// median kept). The searches running the semantic leg are the harder, often longer, questions, so their own
    /// embedding times are what a search's overhead is measured against.
    /// </summary>
    private static (double Median, Dictionary<string, double> ByQuestion) QuestionEmbedding(IReadOnlyList<string> questions, int rounds, CancellationToken cancellationToken)
    {
        var embedder = MiniLmEmbedder.For(1);
        var times = questions.Distinct(StringComparer.Ordinal).ToDictionary(q => q, _ => new List<double>(), StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (question, measured) in times)
            {
                var started = Stopwatch.GetTimestamp();
                embedder.Embed([question], cancellationToken);
                measured.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var byQuestion = times.ToDictionary(t => t.Key, t => Percentiles.Of(t.Value.Order().ToList(), 50), StringComparer.Ordinal);
        return (Percentiles.Of(byQuestion.Values.Order().ToList(), 50), byQuestion);
    }

    /// <summary>
    /// The exact SIMD scan over as many random unit vectors as the knowledge has passages, median of 20: the 8-bit
    /// vectors the search keeps, and for comparison the same vectors as floats scanned with TensorPrimitives.Dot.
    /// </summary>
    private static (double Quantised, double Float) Scan(int passages)
    {
        var random = new Random(7);
        var vectors = new PassageVectors(passages, 384);
        var floats = new float[passages * 384];
        for (var i = 0; i < passages; i++)
        {
            var row = floats.AsSpan(i * 384, 384);
            for (var d = 0; d < row.Length; d++)
            {
                row[d] = (float)(random.NextDouble() - 0.5);
            }

            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(row));
            System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
            vectors.Set(i, row);
        }

        var query = floats.AsSpan(0, 384).ToArray();
        var quantised = Median(() => vectors.Nearest(query, 10));
        var floatScan = Median(() =>
        {
            var best = float.MinValue;
            for (var i = 0; i < passages; i++)
            {
                best = Math.Max(best, System.Numerics.Tensors.TensorPrimitives.Dot(query, floats.AsSpan(i * 384, 384)));
            }
        });
        return (quantised, floatScan);
    }

    private static double Median(Action scan)
    {
        var times = Enumerable.Range(0, 20).Select(_ =>
        {
            var started = Stopwatch.GetTimestamp();
            scan();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }).Order().ToList();
        return Percentiles.Of(times, 50);
    }

    /// <summary>
    /// Questions per second on this machine's two cores with one intra-op thread per call against two, from one caller
    /// and from two concurrent callers (two turns at once): the setting a server wants is the one that holds up under
    /// concurrency.
    /// </summary>
    private static void Threading(CancellationToken cancellationToken)
    {
        var questions = QuestionMix.All.Take(60).ToArray();
        var passages = QuestionMix.All.Select(q => q + " " + q + " " + q).Take(64).ToArray();
        Console.WriteLine("ONNX Runtime threads per call:");
        Console.WriteLine("| intra-op threads | questions/s, 1 caller | questions/s, 2 callers | passages/s (batches of 16) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var threads in new[] { 1, 2 })
        {
            using var embedder = MiniLmEmbedder.Create(threads);
            embedder.Embed(questions.Take(4).ToArray(), cancellationToken);
            var one = Rate(() => { foreach (var q in questions) { embedder.Embed([q], cancellationToken); } }, questions.Length);
            var two = Rate(() => Parallel.For(0, 2, caller => { foreach (var q in questions) { embedder.Embed([q], cancellationToken); } }), questions.Length * 2);
            var batched = Rate(() => { foreach (var batch in passages.Chunk(16)) { embedder.Embed(batch, cancellationToken); } }, passages.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threads} | {one:0} | {two:0} | {batched:0} |"));
        }

        Console.WriteLine();
    }

    private static double Rate(Action work, int count)
    {
        var started = Stopwatch.GetTimestamp();
        work();
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
