namespace RegionBot.Evaluation;

/// <summary>Finds the repository's folders so the evaluation runs the same from any working directory inside it.</summary>
public static class RepositoryLayout
{
    public const string SolutionFileName = "RegionBot.sln";

    /// <summary>Walks up from <paramref name="start"/> to the folder holding RegionBot.sln.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds the solution.</exception>
    public static string FindRoot(string start) =>
        TryFindRoot(start) ?? throw new DirectoryNotFoundException($"No {SolutionFileName} found in {start} or any folder above it.");

    /// <summary>Walks up from <paramref name="start"/> to the folder holding RegionBot.sln; null when there is none.</summary>
    public static string? TryFindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    public static string DefaultKnowledgeDirectory(string root) => Path.Combine(root, "knowledge");

    public static string DefaultQuestionsFile(string root) =>
        Path.Combine(root, "tests", "RegionBot.Evaluation", "questions.json");

    public static string DefaultRussianQuestionsFile(string root) =>
        Path.Combine(root, "tests", "RegionBot.Evaluation", "questions.ru.json");
}
