using System.Globalization;

namespace RegionBot.Soak;

/// <summary>
/// The soak command: <c>dotnet run --project tests/RegionBot.Soak -c Release [-- --conversations 200 --turns 50]</c>.
/// Exits 1 when a turn failed or a reply reached the wrong conversation.
/// </summary>
internal static class SoakCommand
{
    public static async Task<int> Main(string[] args)
    {
        var settings = SoakSettings.Full;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--conversations" => settings with { Conversations = value },
                "--turns" => settings with { Turns = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --conversations N and --turns N."),
            };
        }

        var report = await SoakDriver.RunAsync(settings, Console.Out);
        report.Print(Console.Out);
        Console.WriteLine(report.Passed ? "PASSED" : "FAILED");
        return report.Passed ? 0 : 1;
    }
}
