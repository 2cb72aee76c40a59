namespace RegionBot.Commands;

/// <summary>
/// The terminal commands (<c>ask</c>, <c>validate</c>) that run instead of the web host.
/// </summary>
public static class Commands
{
    /// <summary>
    /// Runs the command named by the first argument and returns its exit code, or returns null when the
    /// arguments name no command, so the caller starts the web host instead.
    /// </summary>
    public static Task<int?> TryRunAsync(string[] args) => Task.FromResult<int?>(null);
}
