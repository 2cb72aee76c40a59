namespace RegionBot.Conversations;

/// <summary>An answer the bot sent: the id of its message, the question it answered and the passages it showed.</summary>
public sealed class SentAnswer
{
    public string MessageId { get; set; } = string.Empty;

    public string Question { get; set; } = string.Empty;

    public List<string> PassageIds { get; set; } = [];
}
