using RegionBot.TeamsPackage;

namespace RegionBot.Tests.TeamsPackage;

/// <summary>
/// A private copy of the repository's real teams/ folder (manifest template and icons) inside a temporary
/// repository-shaped folder, so a test can replace an icon or add appsettings.json without touching the
/// committed files or racing other tests.
/// </summary>
internal sealed class TeamsTemplateCopy : IDisposable
{
    public TeamsTemplateCopy()
    {
        var repositoryRoot = TeamsPackageCommand.FindRepositoryRoot(AppContext.BaseDirectory)
                             ?? throw new InvalidOperationException("The tests must run inside the RegionBot repository.");
        RepositoryTeamsDirectory = Path.Combine(repositoryRoot, "teams");

        Root = Path.Combine(Path.GetTempPath(), "regionbot-teams-" + Guid.NewGuid().ToString("N"));
        TeamsDirectory = Path.Combine(Root, "teams");
        Directory.CreateDirectory(TeamsDirectory);
        foreach (var name in new[] { "manifest.json", "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(RepositoryTeamsDirectory, name), Path.Combine(TeamsDirectory, name));
        }

        // The command recognises a repository by its solution file next to teams/manifest.json.
        File.WriteAllText(Path.Combine(Root, "RegionBot.sln"), string.Empty);
    }

    public string RepositoryTeamsDirectory { get; }

    public string Root { get; }

    public string TeamsDirectory { get; }

    public string PathInRoot(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
