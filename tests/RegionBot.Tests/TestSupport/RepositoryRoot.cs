namespace RegionBot.Tests.TestSupport;

/// <summary>The repository the tests run in, so they use the real knowledge/ folder rather than a copy.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Knowledge => System.IO.Path.Combine(Path, "knowledge");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "RegionBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("RegionBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
