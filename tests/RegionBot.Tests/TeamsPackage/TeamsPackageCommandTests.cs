using System.IO.Compression;
using System.Text.Json;
using RegionBot.TeamsPackage;

namespace RegionBot.Tests.TeamsPackage;

/// <summary>
/// Runs the command the way an admin does, against a repository-shaped temporary folder with its own
/// appsettings.json. These tests rely on MicrosoftAppId and TeamsApp__* not being set in the test process's
/// environment, which no test in this suite does.
/// </summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string SettingsBotId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string ArgumentBotId = "11111111-2222-4333-8444-555555555555";

    private readonly TeamsTemplateCopy _repository = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _repository.Dispose();

    private int Run(params string[] args)
        => TeamsPackageCommand.Run(args, _repository.Root, _output, _error, CancellationToken.None);

    private void WriteSettings(string botId, string? domain)
    {
        var settings = new Dictionary<string, object?>
        {
            ["MicrosoftAppType"] = "",
            ["MicrosoftAppId"] = botId,
            ["MicrosoftAppPassword"] = "",
        };
        if (domain is not null)
        {
            settings["TeamsApp"] = new Dictionary<string, string> { ["Domain"] = domain };
        }

        File.WriteAllText(_repository.PathInRoot("appsettings.json"), JsonSerializer.Serialize(settings));
    }

    private JsonElement ManifestIn(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public void Bot_id_and_domain_come_from_repository_appsettings_when_not_given()
    {
        WriteSettings(SettingsBotId, "bot.settings.example");

        Assert.Equal(0, Run());

        var zipPath = _repository.PathInRoot("artifacts/teams/RegionBot.zip");
        var manifest = ManifestIn(zipPath);
        Assert.Equal(SettingsBotId, manifest.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("bot.settings.example", manifest.GetProperty("validDomains")[0].GetString());
        Assert.Contains("https://bot.settings.example/api/messages", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Upload a custom app", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_values_win_over_appsettings()
    {
        WriteSettings(SettingsBotId, "bot.settings.example");

        Assert.Equal(0, Run("--bot-id", ArgumentBotId, "--domain", "bot.argument.example", "--app-version", "2.0.1", "--out", "custom.zip"));

        var manifest = ManifestIn(_repository.PathInRoot("custom.zip"));
        Assert.Equal(ArgumentBotId, manifest.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("bot.argument.example", manifest.GetProperty("validDomains")[0].GetString());
        Assert.Equal("2.0.1", manifest.GetProperty("version").GetString());
    }

    [Fact]
    public void Out_naming_a_folder_writes_RegionBot_zip_inside_it()
    {
        var folder = _repository.PathInRoot("drop");
        Directory.CreateDirectory(folder);

        Assert.Equal(0, Run("--bot-id", ArgumentBotId, "--domain", "bot.argument.example", "--out", folder));

        Assert.True(File.Exists(Path.Combine(folder, "RegionBot.zip")));
    }

    [Fact]
    public void Empty_bot_id_as_shipped_in_appsettings_fails_with_a_clear_message_and_no_zip()
    {
        WriteSettings("", "bot.settings.example");

        Assert.Equal(1, Run());

        Assert.Contains("The bot id is empty", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Azure Bot's Microsoft App ID", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_repository.PathInRoot("artifacts")));
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Unknown_option_is_refused_with_usage()
    {
        Assert.Equal(2, Run("--bot", ArgumentBotId));

        Assert.Contains("Unknown option --bot", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--bot-id <GUID>", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_usage()
    {
        Assert.Equal(0, Run("--help"));

        Assert.Contains("dotnet run --project tools/RegionBot.TeamsPackage", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_is_found_from_a_subfolder()
    {
        var subfolder = _repository.PathInRoot("src/deep");
        Directory.CreateDirectory(subfolder);

        Assert.Equal(_repository.Root, TeamsPackageCommand.FindRepositoryRoot(subfolder));
    }
}
