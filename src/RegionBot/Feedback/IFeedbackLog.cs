namespace RegionBot.Feedback;

/// <summary>Where ratings and unanswered questions are kept, as raw material for improving the knowledge.</summary>
public interface IFeedbackLog
{
    /// <summary>Adds an entry; safe to call from concurrent turns.</summary>
    Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every readable entry, oldest first.</summary>
    Task<FeedbackLogContents> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>The entries of a log, and how many lines could not be read (damaged or from an unknown format).</summary>
public sealed record FeedbackLogContents(IReadOnlyList<FeedbackEntry> Entries, int UnreadableLines);
