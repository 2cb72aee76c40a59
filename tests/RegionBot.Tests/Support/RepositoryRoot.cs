namespace RegionBot.Tests.Support;

/// <summary>Finds the repository the tests run in, so they use the real knowledge folder and files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Knowledge => System.IO.Path.Combine(Path, "knowledge");

    private static string Find() => RegionBot.Evaluation.RepositoryLayout.FindRoot(AppContext.BaseDirectory);
}
