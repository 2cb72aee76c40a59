namespace RegionBot.Feedback;

/// <summary>What a feedback log entry records.</summary>
public enum FeedbackKind
{
    /// <summary>A user rated an answer helpful or unhelpful.</summary>
    Rating,

    /// <summary>The knowledge had no answer to a question.</summary>
    Unanswered,
}

/// <summary>One entry of the feedback log: a rated answer, or a question the knowledge could not answer.</summary>
/// <param name="Helpful">For a rating, whether the answer helped; null for an unanswered question.</param>
/// <param name="PassageIds">The passages of the rated answer; empty for an unanswered question.</param>
/// <param name="NoAnswer">For an unanswered question, why (NotCovered, WeakMatch).</param>
/// <param name="Timestamp">When it happened, in UTC.</param>
public sealed record FeedbackEntry(
    FeedbackKind Kind,
    string Question,
    IReadOnlyList<string> PassageIds,
    bool? Helpful,
    string? NoAnswer,
    string? ConversationId,
    string? ChannelId,
    DateTimeOffset Timestamp)
{
    /// <summary>What the user wrote along with a rating (Teams' feedback form); null when nothing.</summary>
    public string? Comment { get; init; }
}
