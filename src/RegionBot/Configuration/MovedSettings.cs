namespace RegionBot.Configuration;

/// <summary>
/// Settings that moved when each options class got its own configuration section. A configuration that still uses
/// an old name stops the start with the new name, rather than being silently ignored (an old environment variable
/// such as <c>RegionBot__Storage=Redis</c> would otherwise leave the bot on in-memory state without a word).
/// </summary>
internal sealed class MovedSettings(IConfiguration configuration) : IHostedService
{
    /// <summary>Old key, new key.</summary>
    internal static readonly IReadOnlyList<(string Old, string New)> Moves =
    [
        ("RegionBot:WatchKnowledge", "RegionBot:Reload:WatchKnowledge"),
        ("RegionBot:ReloadDebounce", "RegionBot:Reload:ReloadDebounce"),
        ("RegionBot:AdminKey", "RegionBot:Reload:AdminKey"),
        ("RegionBot:Storage", "RegionBot:State:Storage"),
        ("RegionBot:RedisConnection", "RegionBot:State:RedisConnection"),
        ("RegionBot:RedisKeyPrefix", "RegionBot:State:RedisKeyPrefix"),
        ("RegionBot:RedisStateTimeToLive", "RegionBot:State:RedisStateTimeToLive"),
        ("RegionBot:FeedbackPath", "RegionBot:Feedback:FeedbackPath"),
    ];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ThrowIfUsed(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throws, naming every old key in use and where it moved, when the configuration uses one.</summary>
    internal static void ThrowIfUsed(IConfiguration configuration)
    {
        var used = Moves.Where(move => configuration[move.Old] is not null)
            .Select(move => $"{move.Old} is now {move.New}")
            .ToList();
        if (used.Count > 0)
        {
            throw new InvalidOperationException(
                "Some settings moved to their own configuration sections; rename them (environment variables use __ "
                + "for ':'): " + string.Join("; ", used) + ".");
        }
    }
}
