namespace RegionBot.Feedback;

/// <summary>Feedback log settings, bound from the "RegionBot:Feedback" configuration section.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "RegionBot:Feedback";

    /// <summary>
    /// The JSON Lines file ratings and unanswered questions are appended to. Empty means the default, outside the
    /// source tree: RegionBot/feedback.jsonl under the user's local application data (or the temp folder).
    /// </summary>
    public string? FeedbackPath { get; set; }

    public string ResolvedFeedbackPath() =>
        string.IsNullOrWhiteSpace(FeedbackPath) ? DefaultPath() : Path.GetFullPath(FeedbackPath);

    private static string DefaultPath()
    {
        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var root = string.IsNullOrEmpty(localData) ? Path.Combine(Path.GetTempPath(), "regionbot") : Path.Combine(localData, "RegionBot");
        return Path.Combine(root, "feedback.jsonl");
    }
}
