using RegionBot.Configuration;
using RegionBot.Knowledge.Search;

namespace RegionBot.Commands;

/// <summary>Finds the configured knowledge folder for the terminal commands, the same way the bot does.</summary>
internal static class KnowledgeLocation
{
    public static SearchOptions ReadSearchOptions()
    {
        var options = new SearchOptions();
        new ConfigurationBuilder()
            .SetBasePath(ContentRoot())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(SearchOptions.SectionName)
            .Bind(options);
        return options;
    }

    public static string Resolve(SearchOptions options) => Path.Combine(ContentRoot(), options.KnowledgePath);

    private static string ContentRoot() => RegionBotHost.FindContentRoot() ?? Directory.GetCurrentDirectory();
}
