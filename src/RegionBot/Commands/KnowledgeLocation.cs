using RegionBot.Configuration;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Commands;

/// <summary>Finds the configured knowledge folder for the terminal commands, the same way the bot does.</summary>
internal static class KnowledgeLocation
{
    public static SearchOptions ReadSearchOptions() => Read<SearchOptions>(SearchOptions.SectionName);

    public static SemanticOptions ReadSemanticOptions() => Read<SemanticOptions>(SemanticOptions.SectionName);

    private static T Read<T>(string section)
        where T : new()
    {
        var options = new T();
        new ConfigurationBuilder()
            .SetBasePath(ContentRoot())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(section)
            .Bind(options);
        return options;
    }

    public static string Resolve(SearchOptions options) => Path.Combine(ContentRoot(), options.KnowledgePath);

    private static string ContentRoot() => RegionBotHost.FindContentRoot() ?? Directory.GetCurrentDirectory();
}
