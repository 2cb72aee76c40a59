namespace RegionBot.Knowledge;

/// <summary>How the running bot picks up edited knowledge, bound from the "RegionBot:Reload" configuration section.</summary>
public sealed class ReloadOptions
{
    public const string SectionName = "RegionBot:Reload";

    /// <summary>Reload the knowledge when a file in the knowledge folder is created, changed, renamed or deleted.</summary>
    public bool WatchKnowledge { get; set; } = true;

    /// <summary>
    /// How long the folder must stay quiet before a reload starts, so an editor's save (often several writes, or a
    /// write to a temporary file and a rename) or a <c>git pull</c> of many files causes one reload, not many.
    /// </summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The secret an operator sends in the <c>X-RegionBot-Admin-Key</c> header to ask for a reload with
    /// <c>POST /admin/reload</c>. Empty (the default) turns the admin endpoint off.
    /// </summary>
    public string AdminKey { get; set; } = string.Empty;
}
