using RegionBot.Knowledge.Search;

namespace RegionBot.Commands;

/// <summary>Finds the configured knowledge folder for the terminal commands.</summary>
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

    /// <summary>The nearest folder, from the working directory up, that holds appsettings.json; else the app's own folder.</summary>
    private static string ContentRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "appsettings.json")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
