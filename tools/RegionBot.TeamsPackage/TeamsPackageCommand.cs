using Microsoft.Extensions.Configuration;

namespace RegionBot.TeamsPackage;

/// <summary>
/// The command line: reads configuration the same way the bot does (repository-root appsettings.json, then
/// environment variables, then command-line switches, later sources winning), builds the package and reports
/// the result. It returns an exit code instead of throwing so every failure reaches the admin as one clear message.
/// </summary>
public static class TeamsPackageCommand
{
    public const string DefaultPackageRelativePath = "artifacts/teams/RegionBot.zip";
    private const string OutKey = "TeamsApp:PackagePath";

    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--bot-id"] = TeamsPackageOptions.BotIdKey,
        ["--domain"] = "TeamsApp:Domain",
        ["--app-version"] = "TeamsApp:Version",
        ["--developer-name"] = "TeamsApp:DeveloperName",
        ["--website-url"] = "TeamsApp:WebsiteUrl",
        ["--privacy-url"] = "TeamsApp:PrivacyUrl",
        ["--terms-url"] = "TeamsApp:TermsOfUseUrl",
        ["--out"] = OutKey,
    };

    public const string Usage = """
        Builds RegionBot's Microsoft Teams app package (manifest.json, color.png and outline.png in one zip).

        Usage: dotnet run --project tools/RegionBot.TeamsPackage -- --bot-id <GUID> --domain <host> [options]

          --bot-id <GUID>          The Azure Bot's Microsoft App ID. Default: MicrosoftAppId from the environment
                                   or the repository-root appsettings.json.
          --domain <host>          The bot's public host; Teams posts to https://<host>/api/messages.
                                   Default: TeamsApp__Domain / TeamsApp:Domain.
          --out <path>             The zip to write, or a folder to write RegionBot.zip into.
                                   Default: artifacts/teams/RegionBot.zip in the repository.
          --app-version <x.y.z>    Package version; raise it to update an installed app. Default: 1.0.0.
          --developer-name <text>  Publisher shown in Teams. Default: RegionBot team.
          --website-url <url>      Default: https://<host>/
          --privacy-url <url>      Default: the website URL.
          --terms-url <url>        Default: the website URL.
        """;

    public static int Run(string[] args, string currentDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Any(arg => arg is "--help" or "-h" or "-?"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var unknown = args
            .Where(arg => arg.StartsWith('-'))
            .Select(arg => arg.Split('=', 2)[0])
            .Where(name => !SwitchMappings.ContainsKey(name))
            .ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"Unknown option {string.Join(", ", unknown)}.");
            error.WriteLine(Usage);
            return 2;
        }

        var repositoryRoot = FindRepositoryRoot(currentDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        if (repositoryRoot is null)
        {
            error.WriteLine("Could not find the RegionBot repository (a folder with RegionBot.sln and teams/manifest.json) "
                            + $"above {currentDirectory}. Run the command from inside the repository.");
            return 1;
        }

        var configuration = BuildConfiguration(repositoryRoot, args);
        var options = TeamsPackageOptions.FromConfiguration(configuration);
        var zipPath = ResolvePackagePath(configuration[OutKey], currentDirectory, repositoryRoot);
        TeamsPackageResult result;
        try
        {
            result = new TeamsPackageBuilder(Path.Combine(repositoryRoot, "teams")).Build(options, zipPath, cancellationToken);
        }
        catch (TeamsPackageException exception)
        {
            error.WriteLine(exception.Message);
            return 1;
        }

        output.WriteLine($"Teams app package for bot {result.BotId} written to {result.PackagePath}");
        output.WriteLine($"The Azure Bot's messaging endpoint must be {result.MessagingEndpoint}");
        output.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
        return 0;
    }

    public static IConfiguration BuildConfiguration(string repositoryRoot, string[] args)
        => new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args, SwitchMappings)
            .Build();

    // The tool runs through "dotnet run" from wherever the admin stands, so the repository is found by walking up
    // to the folder that holds both the solution and the Teams template.
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RegionBot.sln"))
                && File.Exists(Path.Combine(directory.FullName, "teams", TeamsPackageBuilder.ManifestFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string ResolvePackagePath(string? configured, string currentDirectory, string repositoryRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(repositoryRoot, DefaultPackageRelativePath));
        }

        var path = Path.GetFullPath(configured, currentDirectory);
        var looksLikeFolder = Directory.Exists(path)
                              || configured.EndsWith('/')
                              || configured.EndsWith(Path.DirectorySeparatorChar)
                              || !path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        return looksLikeFolder ? Path.Combine(path, "RegionBot.zip") : path;
    }
}
