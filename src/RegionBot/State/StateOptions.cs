namespace RegionBot.State;

/// <summary>Where conversation state lives between turns.</summary>
public enum StateStorage
{
    /// <summary>In the process: no set-up, lost on restart, not shared between instances.</summary>
    Memory,

    /// <summary>In a Redis server shared by every instance behind one Azure Bot Service registration.</summary>
    Redis,
}

/// <summary>Conversation state settings, bound from the "RegionBot:State" configuration section.</summary>
public sealed class StateOptions
{
    public const string SectionName = "RegionBot:State";

    public StateStorage Storage { get; set; } = StateStorage.Memory;

    /// <summary>A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c> or <c>host:6380,ssl=true,password=...</c>.</summary>
    public string? RedisConnection { get; set; }

    /// <summary>Prepended to every state key, so several bots (or test runs) can share one Redis database.</summary>
    public string RedisKeyPrefix { get; set; } = "regionbot:state:";

    /// <summary>
    /// How long Redis keeps a conversation's state after its last turn (default 30 days); a follow-up after that
    /// starts afresh. Without a limit every conversation ever held would stay in Redis.
    /// </summary>
    public TimeSpan RedisStateTimeToLive { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long connecting to Redis may take. Short, because a turn waits for its state: with Redis down the user
    /// should get the apology at once, not after the client library's default of five seconds.
    /// </summary>
    public TimeSpan RedisConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one Redis command may take before the turn fails (and the user gets the apology).</summary>
    public TimeSpan RedisOperationTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
