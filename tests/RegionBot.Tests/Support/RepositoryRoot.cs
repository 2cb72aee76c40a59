namespace RegionBot.Tests.Support;

/// <summary>Finds the repository the tests run in, so they use the real knowledge folder and files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Knowledge => System.IO.Path.Combine(Path, "knowledge");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RegionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RegionBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
