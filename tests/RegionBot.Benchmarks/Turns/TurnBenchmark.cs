using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;

namespace RegionBot.Benchmarks.Turns;

/// <summary>
/// Drives whole turns (POST /api/messages, deliveryMode expectReplies) at N concurrent connections against RegionBot
/// and against <see cref="EchoBot"/> on the same stack, both in their own process on loopback, in alternating
/// rounds so that background load on the machine hits both alike. Prints turns/s and p50/p99 latency and the ratios.
/// </summary>
public static class TurnBenchmark
{
    public const string Command = "turns";

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var connections = arguments.Int("connections", 8);
        var seconds = arguments.Double("seconds", 5);
        var rounds = arguments.Int("rounds", 3);
        var knowledge = arguments.String("knowledge", BenchmarkKnowledge.Shipped);
        var questions = QuestionMix.All;

        // Both bots log with the configured levels unless told otherwise, so the cost of logging can be measured.
        var logLevel = arguments.String("log-level", string.Empty);
        string[] logging = logLevel.Length > 0 ? ["--Logging:LogLevel:Default", logLevel, "--Logging:LogLevel:RegionBot", logLevel] : [];

        var environment = ServerGcEnvironment();
        using var regionBot = AppProcess.Start(
            RepositoryPaths.AppAssembly,
            [
                "--RegionBot:KnowledgePath", BenchmarkKnowledge.Directory(knowledge), "--RegionBot:IndexPath", BenchmarkKnowledge.Options("turns", knowledge).IndexPath,

                // No question vector is remembered by default, so every turn is a question the model has not seen.
                "--RegionBot:Semantic:QueryCacheSize", arguments.String("query-cache", "0"),
                .. AppSettings.Unthrottled, .. AppSettings.ScratchFeedback(), .. AppSettings.WithAdminKey, .. logging,
            ]);
        using var echo = AppProcess.Start(typeof(TurnBenchmark).Assembly.Location, [EchoHost.Command, .. logging], environment);
        using var client = TurnClient.Create(connections * 2);
        await regionBot.WaitHealthyAsync(client, TimeSpan.FromMinutes(5), cancellationToken);
        await echo.WaitHealthyAsync(client, TimeSpan.FromMinutes(1), cancellationToken);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Turns: {connections} connections, {rounds} rounds of {seconds:0.#} s per bot, knowledge '{knowledge}', {questions.Count} questions, server GC {environment.Count > 0}, log level {(logLevel.Length > 0 ? logLevel : "as configured")}"));

        // Warm-up: JIT, connection pools and the search's caches, not measured.
        var warmUp = arguments.Double("warmup", 5);
        await DriveAsync(client, regionBot, connections, warmUp, questions, cancellationToken);
        await DriveAsync(client, echo, connections, warmUp, questions, cancellationToken);

        var semanticBefore = await SemanticCountsAsync(client, regionBot, cancellationToken);
        var regionBotRounds = new List<RoundResult>();
        var echoRounds = new List<RoundResult>();
        for (var round = 0; round < rounds; round++)
        {
            // ABBA order: neither bot always runs first after the other's load.
            var regionBotFirst = round % 2 == 0;
            foreach (var isRegionBot in regionBotFirst ? new[] { true, false } : [false, true])
            {
                var target = isRegionBot ? regionBot : echo;
                var result = await DriveAsync(client, target, connections, seconds, questions, cancellationToken);
                (isRegionBot ? regionBotRounds : echoRounds).Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1} {(isRegionBot ? "RegionBot" : "echo     ")}: {result.TurnsPerSecond,8:0} turns/s  p50 {result.P50,7:0.00} ms  p99 {result.P99,7:0.00} ms  server CPU {result.CpuMillisecondsPerTurn,5:0.000} ms/turn  RSS {target.Memory().ResidentMiB,4:0} MiB  errors {result.Errors}"));
            }
        }

        var semanticAfter = await SemanticCountsAsync(client, regionBot, cancellationToken);
        var bot = RoundResult.Combine(regionBotRounds);
        var baseline = RoundResult.Combine(echoRounds);
        Console.WriteLine();
        Console.WriteLine("| bot | turns/s | p50 ms | p99 ms | server CPU ms/turn | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| RegionBot | {bot.TurnsPerSecond:0} | {bot.P50:0.00} | {bot.P99:0.00} | {bot.CpuMillisecondsPerTurn:0.000} | {bot.Errors} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| echo bot (same CloudAdapter stack) | {baseline.TurnsPerSecond:0} | {baseline.P50:0.00} | {baseline.P99:0.00} | {baseline.CpuMillisecondsPerTurn:0.000} | {baseline.Errors} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| RegionBot / echo | {bot.TurnsPerSecond / baseline.TurnsPerSecond:0.00} | {bot.P50 / baseline.P50:0.00} | {bot.P99 / baseline.P99:0.00} | {bot.CpuMillisecondsPerTurn / baseline.CpuMillisecondsPerTurn:0.00} | |"));

        // Turns per CPU-second is what the bot could serve on idle cores; it holds when other processes load the machine.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Capacity ratio by server CPU per turn (echo / RegionBot): {baseline.CpuMillisecondsPerTurn / bot.CpuMillisecondsPerTurn:0.00}"));
        var searches = semanticAfter.Searches - semanticBefore.Searches;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Searches that ran the semantic leg: {semanticAfter.Semantic - semanticBefore.Semantic} of {searches} ({(double)(semanticAfter.Semantic - semanticBefore.Semantic) / Math.Max(searches, 1):P0}); the others were certain lexically, or were a turn's secondary searches (suggestions, per-country answers), which are lexical"));

        // Each turn searches its question once (a comparison once per side), so leg runs per turn is the share of turns that needed the model.
        var legRuns = semanticAfter.Semantic - semanticBefore.Semantic;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Semantic leg runs per RegionBot turn: {legRuns} runs over {bot.Latencies.Count} turns ({(double)legRuns / Math.Max(bot.Latencies.Count, 1):P0})"));
        return bot.Errors + baseline.Errors == 0 ? 0 : 1;
    }

    /// <summary>The app's count of searches and of those that ran the semantic leg, from <c>/healthz</c>.</summary>
    private static async Task<(long Searches, long Semantic)> SemanticCountsAsync(HttpClient client, AppProcess app, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.BaseAddress, "healthz"));
        request.Headers.Add("X-RegionBot-Admin-Key", AppSettings.AdminKey);
        using var response = await client.SendAsync(request, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var semantic = document.RootElement.GetProperty("semanticDetails");
        return (semantic.GetProperty("searches").GetInt64(), semantic.GetProperty("semanticSearches").GetInt64());
    }

    /// <summary>
    /// The echo host runs from this console project, whose default is workstation GC; it gets the GC mode the
    /// RegionBot app is configured with, so the comparison is of the bots and not of their garbage collectors.
    /// </summary>
    private static Dictionary<string, string> ServerGcEnvironment()
    {
        var config = Path.ChangeExtension(RepositoryPaths.AppAssembly, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        var serverGc = document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server)
            && server.GetBoolean();
        return serverGc ? new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" } : [];
    }

    private static async Task<RoundResult> DriveAsync(
        HttpClient client, AppProcess target, int connections, double seconds, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var messages = new Uri(target.BaseAddress, "api/messages");
        var duration = TimeSpan.FromSeconds(seconds);
        var cpuBefore = target.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            // Each connection is its own conversation and walks the question mix from its own offset, so
            // concurrent turns ask different questions.
            var bodies = questions.Select(q => TurnClient.Body(q, $"bench-{worker}")).ToArray();
            var latencies = new List<double>();
            var errors = 0;
            for (var turn = worker * 7; Stopwatch.GetElapsedTime(started) < duration; turn++)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await TurnClient.SendAsync(client, messages, bodies[turn % bodies.Length], cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException)
                {
                    if (errors++ == 0)
                    {
                        Console.Error.WriteLine($"  turn failed: {failure.Message}");
                    }
                }
            }

            return (latencies, errors);
        }, cancellationToken)).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (target.CpuTime() - cpuBefore).TotalSeconds;
        return new RoundResult(results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors), elapsed, cpu);
    }

    private sealed record RoundResult(List<double> Latencies, int Errors, double Seconds, double CpuSeconds)
    {
        private readonly Lazy<List<double>> sorted = new(() => Latencies.Order().ToList());

        public double TurnsPerSecond => Latencies.Count / Seconds;

        public double CpuMillisecondsPerTurn => CpuSeconds * 1000 / Math.Max(Latencies.Count, 1);

        public double P50 => Percentiles.Of(sorted.Value, 50);

        public double P99 => Percentiles.Of(sorted.Value, 99);

        public static RoundResult Combine(IReadOnlyList<RoundResult> rounds) =>
            new(rounds.SelectMany(r => r.Latencies).ToList(), rounds.Sum(r => r.Errors), rounds.Sum(r => r.Seconds), rounds.Sum(r => r.CpuSeconds));
    }
}
