using System.CommandLine;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Search;

namespace RegionBot.Commands;

/// <summary>The <c>--knowledge DIR</c> option the knowledge commands share, and what they do with its answer.</summary>
internal static class KnowledgeOption
{
    public static Option<DirectoryInfo> Create() => new("--knowledge")
    {
        Description = "The knowledge folder to use instead of the configured one (RegionBot:KnowledgePath).",
        HelpName = "DIR",
    };

    /// <summary>The knowledge folder (the option's, else the configured one) and the configured search options.</summary>
    public static (string Directory, SearchOptions Options) Resolve(DirectoryInfo? knowledge)
    {
        var (options, contentRoot) = CommandSettings.Read<SearchOptions>(KnowledgeServiceCollectionExtensions.AddSearchOptions);
        var directory = knowledge?.FullName ?? Path.GetFullPath(Path.Combine(contentRoot, options.KnowledgePath));
        return (directory, options);
    }

    public static void WriteProblems(IReadOnlyList<KnowledgeProblem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the knowledge.");
    }
}
