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

    /// <summary>The most local conversations open at once, so that a flood of clients cannot exhaust memory.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>How often an idle WebSocket stream gets an empty keep-alive message, as Azure's Direct Line sends.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The bot's account in local conversations.</summary>
    public string BotId { get; set; } = "regionbot";

    public string BotName { get; set; } = "RegionBot";

    public bool HasSecret => !string.IsNullOrWhiteSpace(Secret);
}
