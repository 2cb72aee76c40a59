using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using RegionBot.Configuration;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Configuration;

public sealed class RegionBotHostTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("regionbot-host-");

    [Fact]
    public void The_repository_root_is_found_from_the_root_and_from_the_project_folder()
    {
        Assert.Equal(RepositoryRoot.Path, RegionBotHost.FindContentRoot(RepositoryRoot.Path));
        Assert.Equal(RepositoryRoot.Path, RegionBotHost.FindContentRoot(Path.Combine(RepositoryRoot.Path, "src", "RegionBot")));
    }

    [Fact]
    public void A_published_folder_is_found_from_the_application_folder_when_the_working_directory_has_none()
    {
        var published = _scratch.CreateSubdirectory("publish");
        File.WriteAllText(Path.Combine(published.FullName, "appsettings.json"), "{}");
        published.CreateSubdirectory("knowledge");
        var elsewhere = _scratch.CreateSubdirectory("elsewhere");

        Assert.Equal(published.FullName, RegionBotHost.FindContentRoot(elsewhere.FullName, published.FullName));
    }

    [Fact]
    public void A_folder_with_settings_but_no_knowledge_is_not_taken_for_the_content_root()
    {
        var project = _scratch.CreateSubdirectory("project");
        File.WriteAllText(Path.Combine(project.FullName, "appsettings.json"), "{}");

        Assert.Null(RegionBotHost.FindContentRoot(project.FullName));
    }

    [Fact]
    public void The_bot_serves_on_the_Emulator_port_by_default()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = RepositoryRoot.Path });

        builder.AddRegionBotConfiguration();

        Assert.Equal("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void An_address_given_on_the_command_line_wins()
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:5099"], ContentRootPath = RepositoryRoot.Path });

        builder.AddRegionBotConfiguration();

        Assert.Equal("http://127.0.0.1:5099", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void Settings_from_the_command_line_override_appsettings()
    {
        var builder = WebApplication.CreateBuilder(RegionBotHost.Options(["--MicrosoftAppId", "from-the-command-line"]));

        Assert.Equal("from-the-command-line", builder.Configuration["MicrosoftAppId"]);
        Assert.Equal("knowledge", builder.Configuration["RegionBot:KnowledgePath"]);
    }

    public void Dispose() => _scratch.Delete(recursive: true);
}
