using RegionBot.Evaluation;

namespace RegionBot.Benchmarks.Support;

/// <summary>Finds the repository the benchmarks run in, so they measure the real knowledge, questions and app build.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Questions => Path.Combine(Root, "tests", "RegionBot.Evaluation", "questions.json");

    /// <summary>The app as built by <c>dotnet build -c Release</c> (the benchmarks project builds it too).</summary>
    public static string AppAssembly => Path.Combine(Root, "src", "RegionBot", "bin", "Release", "net10.0", "RegionBot.dll");

    /// <summary>
    /// The folder holding RegionBot.sln above the build output, or else above the current directory (for a build
    /// written elsewhere with <c>-o</c>). BenchmarkDotNet runs each benchmark from a generated folder below the build
    /// output, so the search walks up.
    /// </summary>
    private static string FindRoot() =>
        RepositoryLayout.TryFindRoot(AppContext.BaseDirectory)
        ?? RepositoryLayout.TryFindRoot(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException($"RegionBot.sln was not found above {AppContext.BaseDirectory} or the current directory.");
}
