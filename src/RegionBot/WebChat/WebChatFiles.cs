namespace RegionBot.WebChat;

/// <summary>
/// Where the chat page's files are: the folder the build copies index.html, chat.js and the Web Chat bundle into
/// (next to the application), unless a host registers another.
/// </summary>
public sealed class WebChatFiles(string folder)
{
    public const string BundleName = "webchat.js";

    /// <summary>The files of the application's own build.</summary>
    public static WebChatFiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "WebChat"));

    public string Folder { get; } = folder;

    /// <summary>
    /// False when the build could not restore the Web Chat bundle from npm (no Node.js on the machine): the bot
    /// still runs, and the page says how to restore the bundle instead of failing in the browser.
    /// </summary>
    public bool BundleRestored => File.Exists(Path.Combine(Folder, BundleName));
}
