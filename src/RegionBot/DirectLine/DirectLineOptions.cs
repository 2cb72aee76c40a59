namespace RegionBot.DirectLine;

/// <summary>
/// Settings of the web chat's Direct Line, bound from the "DirectLine" configuration section.
/// Without a <see cref="Secret"/> the bot hosts its own local Direct Line; with one, the page talks to Azure.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Azure Bot Service Direct Line secret (production). It is set through the environment variable
    /// DirectLine__Secret and never reaches the browser: the bot exchanges it for a conversation token.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The Direct Line 3.0 base URL of Azure Bot Service, used for the token exchange and by the page.</summary>
    public string Endpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>How long a local token stays valid; Web Chat refreshes it at half this time.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A local conversation with no traffic for this long is closed and its memory released.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the background cleanup looks for idle conversations.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most activities a local conversation keeps; older ones are dropped first.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>
    /// The most bytes (of the activities' JSON) a local conversation keeps; older activities are dropped first.
    /// A chat of a few hundred questions and answers takes well under this.
    /// </summary>
    public long MaxBytesPerConversation { get; set; } = 1024 * 1024;

    /// <summary>
    /// The most bytes all local conversations keep together. Past it, the least recently active conversations
    /// are closed, so new users are never refused for memory.
    /// </summary>
    public long MaxStoreBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// The most local conversations open at once. Opening one more closes the least recently active
    /// conversation instead of refusing the newcomer.
    /// </summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>
    /// The most live conversations started from one client address. One more closes that address's least recently
    /// active conversation, so one address cannot take the whole store from everyone else.
    /// </summary>
    public int MaxConversationsPerAddress { get; set; } = 20;

    /// <summary>
    /// The longest a local conversation lives, however active: refreshing its token does not extend it beyond
    /// this, and it is closed when it is reached.
    /// </summary>
    public TimeSpan MaxConversationAge { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The longest message text a user may send, in characters. A typed question is far shorter (the search reads
    /// its first 1,000 characters); Teams allows about 28 KB. Longer texts get 413 with the reason.
    /// </summary>
    public int MaxMessageTextLength { get; set; } = 4000;

    /// <summary>The largest activity body a client may post, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// The most bytes one GET of activities, or one stream message, carries. A longer backlog comes in several
    /// parts; the watermark tells the client where the next part starts.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>How often an idle WebSocket stream gets an empty keep-alive message, as Azure's Direct Line sends.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The bot's account in local conversations.</summary>
    public string BotId { get; set; } = "regionbot";

    public string BotName { get; set; } = "RegionBot";

    public bool HasSecret => !string.IsNullOrWhiteSpace(Secret);
}
