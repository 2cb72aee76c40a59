namespace RegionBot.Configuration;

/// <summary>
/// Where the application finds its configuration and knowledge, and the address it serves on by default.
/// </summary>
public static class RegionBotHost
{
    /// <summary>The address the Bot Framework Emulator expects a local bot on.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    private const string SettingsFileName = "appsettings.json";
    private const string KnowledgeFolderName = "knowledge";

    /// <summary>
    /// The web application options for the given command-line arguments, with the content root set to the
    /// folder that holds appsettings.json and knowledge/ (unless the caller chose a content root).
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ChoosesContentRoot(args) ? null : FindContentRoot(),
    };

    /// <summary>
    /// The builder every entry point starts from: the bot's host, and the terminal commands, which read their
    /// settings from its configuration (appsettings.json, user secrets in Development, environment variables) and
    /// bind them with the same options registrations, so a setting means the same in both.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(Options(args)).AddRegionBotConfiguration();

    /// <summary>
    /// The nearest folder, walking up from the current directory and then from the application's own folder,
    /// that holds both appsettings.json and knowledge/. The repository root holds both, and so does a build output
    /// or publish folder (the project copies them there), so <c>dotnet run</c> from the root or from the project
    /// folder and a published build all find the same kind of folder. Returns null when none does, leaving the
    /// framework's default (the current directory).
    /// </summary>
    public static string? FindContentRoot() =>
        FindContentRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The nearest folder holding appsettings.json and knowledge/, walking up from each start in turn.</summary>
    internal static string? FindContentRoot(params string[] starts) =>
        starts.Select(FindUpwards).FirstOrDefault(folder => folder is not null);

    private static string? FindUpwards(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SettingsFileName))
                && Directory.Exists(Path.Combine(folder.FullName, KnowledgeFolderName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>An explicit --contentRoot argument or ASPNETCORE_CONTENTROOT variable wins over the search.</summary>
    private static bool ChoosesContentRoot(string[] args) =>
        args.Any(arg => arg.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
}
