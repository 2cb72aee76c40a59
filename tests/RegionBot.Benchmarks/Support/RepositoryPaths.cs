namespace RegionBot.Benchmarks.Support;

/// <summary>Finds the repository the benchmarks run in, so they measure the real knowledge, questions and app build.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Questions => Path.Combine(Root, "tests", "RegionBot.Evaluation", "questions.json");

    /// <summary>The app as built by <c>dotnet build -c Release</c> (the benchmarks project builds it too).</summary>
    public static string AppAssembly => Path.Combine(Root, "src", "RegionBot", "bin", "Release", "net10.0", "RegionBot.dll");

    private static string FindRoot()
    {
        // BenchmarkDotNet runs each benchmark from a generated folder below the build output, so the search walks up.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RegionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RegionBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
