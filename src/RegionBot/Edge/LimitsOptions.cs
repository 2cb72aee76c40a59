namespace RegionBot.Edge;

/// <summary>
/// How much one caller may ask of <c>/api/messages</c>: the largest activity body, and how many requests a client
/// address and a conversation may send. Bound from the "Limits" configuration section.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// The largest request body accepted, in bytes. A Bot Framework activity carrying a typed question is a few
    /// kilobytes; anything near this size is not a question.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Requests per client address, checked before the body is read. Behind Azure Bot Service every request comes
    /// from the Bot Connector's few addresses, so this limit must stay well above the bot's total traffic.
    /// </summary>
    public TokenBucketLimit PerClient { get; set; } = new() { Burst = 400, PerSecond = 200 };

    /// <summary>Messages per conversation, checked once the activity names its conversation.</summary>
    public TokenBucketLimit PerConversation { get; set; } = new() { Burst = 20, PerSecond = 2 };
}

/// <summary>A token bucket: up to <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> a second.</summary>
public sealed class TokenBucketLimit
{
    public int Burst { get; set; }

    public int PerSecond { get; set; }

    internal bool IsValid => Burst > 0 && PerSecond > 0;
}
