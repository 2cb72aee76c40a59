using BenchmarkDotNet.Running;
using RegionBot.Benchmarks.Search;
using RegionBot.Benchmarks.Startup;
using RegionBot.Benchmarks.Support;
using RegionBot.Benchmarks.Synthetic;
using RegionBot.Benchmarks.Turns;

// Commands of our own first; anything else goes to BenchmarkDotNet (--filter, --job short, --list flat, ...).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var command = args.Length > 0 ? args[0] : string.Empty;
var options = new Arguments(args);
switch (command)
{
    case EchoHost.Command:
        return EchoHost.Run(args[1..]);
    case TurnBenchmark.Command:
        return await TurnBenchmark.RunAsync(options, cancellation.Token);
    case StartupBenchmark.Command:
        return await StartupBenchmark.RunAsync(options, cancellation.Token);
    case SearchLatency.Command:
        return SearchLatency.Run(options, cancellation.Token);
    case "generate":
        Console.WriteLine(BenchmarkKnowledge.Directory(options.String("passages", "100k")));
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args);
        return 0;
}
