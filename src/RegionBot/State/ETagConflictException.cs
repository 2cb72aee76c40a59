namespace RegionBot.State;

/// <summary>
/// A state write was refused because the stored item changed since it was read: another bot instance (or turn)
/// wrote it first. Bot Framework storages signal this with an exception so the turn does not overwrite newer state.
/// </summary>
public sealed class ETagConflictException(string key, string expectedETag)
    : InvalidOperationException($"The state item '{key}' was changed by someone else: it no longer has eTag '{expectedETag}'.")
{
    public string Key { get; } = key;

    public string ExpectedETag { get; } = expectedETag;
}
