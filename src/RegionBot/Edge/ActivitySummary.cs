namespace RegionBot.Edge;

/// <summary>
/// What the edge reads of an activity before the adapter sees it: the conversation it counts against (channel and
/// conversation id), and what authentication and the serviceUrl check need.
/// </summary>
internal sealed record ActivitySummary(string Conversation, string? ChannelId, string? ServiceUrl, string? DeliveryMode);
