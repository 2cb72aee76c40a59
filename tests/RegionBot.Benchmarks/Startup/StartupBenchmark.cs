using System.Globalization;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Startup;

/// <summary>
/// Starts the built app as a child process and measures the time to a healthy <c>GET /healthz</c>, first with a
/// fresh index folder (the index is built) and then again with the same folder (the on-disk index is reused),
/// and its resident memory after a batch of turns.
/// </summary>
public static class StartupBenchmark
{
    public const string Command = "startup";

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var sizes = arguments.List("knowledge", $"{BenchmarkKnowledge.Shipped},100k");

        // Sizes whose real vectors would take too long to compute get random unit vectors written beside their
        // index before the app starts: the app then starts with index and vectors reused, and its memory and
        // start-up are those of real vectors (its answers by meaning are not).
        var randomSizes = arguments.List("random-vectors", string.Empty).ToHashSet(StringComparer.Ordinal);
        var turns = arguments.Int("queries", 300);
        var questions = QuestionMix.All;

        // For experiments such as DOTNET_gcServer=0: the app's runtime settings without rebuilding it.
        var environment = arguments.Pairs("app-env");
        var rows = new List<string>();
        using var client = TurnClient.Create(4);
        foreach (var size in sizes)
        {
            var knowledge = BenchmarkKnowledge.Directory(size);
            var indexDirectory = Path.Combine(Path.GetTempPath(), "regionbot-bench-index-" + Guid.NewGuid().ToString("N"));
            try
            {
                var runs = new[] { "first run (index built)", "second run (index reused)" };
                if (randomSizes.Contains(size))
                {
                    using (var store = KnowledgeStore.Open(knowledge, new SearchOptions { IndexPath = indexDirectory }, null, new SemanticOptions { Enabled = false }))
                    {
                        RandomVectors.Write(store);
                    }

                    runs = ["index and random vectors reused"];
                }

                foreach (var run in runs)
                {
                    using var app = AppProcess.Start(
                        RepositoryPaths.AppAssembly,
                        ["--RegionBot:KnowledgePath", knowledge, "--RegionBot:IndexPath", indexDirectory, "--RegionBot:Semantic:QueryCacheSize", arguments.String("query-cache", "0"), .. AppSettings.Unthrottled, .. AppSettings.ScratchFeedback()],
                        environment);
                    var healthy = await app.WaitHealthyAsync(client, TimeSpan.FromMinutes(10), cancellationToken);
                    var afterStart = app.Memory();
                    var hybrid = await WaitSemanticReadyAsync(client, app, healthy, TimeSpan.FromMinutes(arguments.Int("semantic-minutes", 60)), cancellationToken);
                    var messages = new Uri(app.BaseAddress, "api/messages");
                    for (var turn = 0; turn < turns; turn++)
                    {
                        await TurnClient.SendAsync(client, messages, TurnClient.Body(questions[turn % questions.Count], "startup"), cancellationToken);
                    }

                    var afterTurns = app.Memory();
                    var row = string.Create(CultureInfo.InvariantCulture,
                        $"| {size} | {run} | {healthy.TotalSeconds:0.00} | {hybrid.TotalSeconds:0.00} | {afterStart.ResidentMiB:0} | {afterTurns.ResidentMiB:0} | {afterTurns.PeakResidentMiB:0} | {IndexSizeMiB(indexDirectory):0.00} |");
                    Console.WriteLine(row);
                    rows.Add(row);
                }
            }
            finally
            {
                if (Directory.Exists(indexDirectory))
                {
                    Directory.Delete(indexDirectory, recursive: true);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Start-up to healthy and resident memory (VmRSS) after {turns} turns{(environment.Count > 0 ? ", app environment " + string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")) : string.Empty)}:"));
        Console.WriteLine("| knowledge | run | start-up to healthy (s) | to hybrid search: vectors ready (s) | RSS when healthy (MiB) | RSS after turns (MiB) | peak RSS (MiB) | on-disk index and vectors (MiB) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>Polls <c>/healthz</c> until the semantic leg reports its vectors ready; returns the time from process start.</summary>
    private static async Task<TimeSpan> WaitSemanticReadyAsync(HttpClient client, AppProcess app, TimeSpan healthy, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(app.BaseAddress, "healthz"), cancellationToken));
            var semantic = document.RootElement.GetProperty("semantic");
            if (semantic.GetProperty("ready").GetBoolean() || !semantic.GetProperty("enabled").GetBoolean())
            {
                return healthy + waited.Elapsed;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("The passage vectors were not ready in time.");
    }

    private static double IndexSizeMiB(string directory) =>
        Directory.Exists(directory)
            ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / (1024.0 * 1024.0)
            : 0;
}
