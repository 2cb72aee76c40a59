using System.CommandLine;
using RegionBot.Feedback;

namespace RegionBot.Commands;

/// <summary>
/// <c>report [--feedback FILE]</c>: reads the configured feedback log (or the given file) and prints the unanswered
/// questions and the poorly rated answers.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var feedback = new Option<FileInfo>("--feedback")
        {
            Description = "The feedback log to read instead of the configured one (RegionBot:Feedback:FeedbackPath).",
            HelpName = "FILE",
        };
        var command = new Command("report", "List unanswered questions and poorly rated answers from the feedback log.")
        {
            feedback,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed.GetValue(feedback), parsed.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? feedback, TextWriter output, CancellationToken cancellationToken)
    {
        var path = feedback?.FullName
            ?? CommandSettings.Read<FeedbackOptions>(FeedbackServiceCollectionExtensions.AddFeedbackOptions).Options.ResolvedFeedbackPath();
        var log = new JsonLinesFeedbackLog(path);
        FeedbackReport.From(await log.ReadAllAsync(cancellationToken)).WriteTo(output, path);
        return 0;
    }
}
