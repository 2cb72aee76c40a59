using RegionBot.Configuration;
using RegionBot.Feedback;

namespace RegionBot.Commands;

/// <summary>
/// The <c>report</c> command: reads the configured feedback log (or <c>--feedback FILE</c>) and prints the
/// unanswered questions and the poorly rated answers.
/// </summary>
internal static class ReportCommand
{
    public static int Run(string? feedbackPath, TextWriter output)
    {
        var path = feedbackPath is null ? ConfiguredPath() : Path.GetFullPath(feedbackPath);
        var log = new JsonLinesFeedbackLog(path);
        FeedbackReport.From(log.ReadAllAsync().GetAwaiter().GetResult()).WriteTo(output, path);
        return 0;
    }

    private static string ConfiguredPath()
    {
        var options = new FeedbackOptions();
        new ConfigurationBuilder()
            .SetBasePath(RegionBotHost.FindContentRoot() ?? Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(FeedbackOptions.SectionName)
            .Bind(options);
        return options.ResolvedFeedbackPath();
    }
}
