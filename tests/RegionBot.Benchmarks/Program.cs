using BenchmarkDotNet.Running;
using RegionBot.Benchmarks.Search;
using RegionBot.Benchmarks.Startup;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Benchmarks.Turns;

namespace RegionBot.Benchmarks;

/// <summary>
/// The entry point, a named class rather than top-level statements so test projects can reference both this
/// project and the app, whose Program class is public.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>Commands of our own first; anything else goes to BenchmarkDotNet (--filter, --job short, --list flat, ...).</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var options = new Arguments(args);
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case EchoHost.Command:
                return EchoHost.Run(args[1..]);
            case TurnBenchmark.Command:
                return await TurnBenchmark.RunAsync(options, cancellation.Token);
            case StartupBenchmark.Command:
                return await StartupBenchmark.RunAsync(options, cancellation.Token);
            case SearchLatency.Command:
                return SearchLatency.Run(options, cancellation.Token);
            case SemanticBenchmark.Command:
                return SemanticBenchmark.Run(options, cancellation.Token);
            case "generate":
                Console.WriteLine(BenchmarkKnowledge.Directory(options.String("passages", "100k")));
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return 0;
        }
    }
}
