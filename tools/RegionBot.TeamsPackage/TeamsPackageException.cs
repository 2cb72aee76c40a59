namespace RegionBot.TeamsPackage;

/// <summary>
/// Raised when the package cannot be built. It carries every problem found at once, so an administrator can fix
/// the configuration in one pass instead of discovering the problems one run at a time.
/// </summary>
public sealed class TeamsPackageException : Exception
{
    public TeamsPackageException(IReadOnlyList<string> problems)
        : base("The Teams app package was not built:" + Environment.NewLine
               + string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
