namespace RegionBot.Benchmarks.Support;

/// <summary>Configuration overrides the benchmarks pass to the app on its command line.</summary>
public static class AppSettings
{
    /// <summary>
    /// Raises RegionBot's per-client and per-conversation message limits far above any benchmark's rate: all
    /// benchmark traffic comes from one loopback address, which the limits would otherwise answer with 429. The
    /// limiter still runs, so its cost stays in the measurement.
    /// </summary>
    public static readonly string[] Unthrottled =
    [
        "--Limits:PerClient:Burst", "1000000", "--Limits:PerClient:PerSecond", "1000000",
        "--Limits:PerConversation:Burst", "1000000", "--Limits:PerConversation:PerSecond", "1000000",
    ];

    /// <summary>
    /// The admin key the benchmarks give the app they start, so that they can read its search counts from the
    /// details <c>/healthz</c> shows only to an operator. A fresh random key per benchmark process.
    /// </summary>
    public static readonly string AdminKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The admin key on the app's command line (see <see cref="AdminKey"/>).</summary>
    public static string[] WithAdminKey => ["--RegionBot:Reload:AdminKey", AdminKey];

    /// <summary>
    /// Keeps the feedback the app logs for unanswered benchmark questions out of the developer's own feedback log:
    /// a fresh file per run in the temporary folder.
    /// </summary>
    public static string[] ScratchFeedback() =>
        ["--RegionBot:Feedback:FeedbackPath", Path.Combine(Path.GetTempPath(), "regionbot-bench-feedback", Guid.NewGuid().ToString("N") + ".jsonl")];
}
