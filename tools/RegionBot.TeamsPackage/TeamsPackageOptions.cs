using Microsoft.Extensions.Configuration;

namespace RegionBot.TeamsPackage;

/// <summary>
/// The values an administrator supplies to turn the committed manifest template into an installable package.
/// Everything except the bot id lives in the "TeamsApp" configuration section; the bot id is the application's
/// own MicrosoftAppId setting, so the package always points at the same Azure Bot the running app authenticates as.
/// </summary>
public sealed class TeamsPackageOptions
{
    public const string SectionName = "TeamsApp";
    public const string BotIdKey = "MicrosoftAppId";

    /// <summary>The Azure Bot's Microsoft App ID (a GUID).</summary>
    public string? BotId { get; set; }

    /// <summary>The bot's public host name, e.g. regionbot.example.org; Teams posts to https://{Domain}/api/messages.</summary>
    public string? Domain { get; set; }

    /// <summary>The app package version; Teams only offers an update when this increases.</summary>
    public string Version { get; set; } = "1.0.0";

    public string DeveloperName { get; set; } = "RegionBot team";

    /// <summary>Defaults to https://{Domain}/ when not configured.</summary>
    public string? WebsiteUrl { get; set; }

    /// <summary>Defaults to the website URL when not configured.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>Defaults to the website URL when not configured.</summary>
    public string? TermsOfUseUrl { get; set; }

    public static TeamsPackageOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new TeamsPackageOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.BotId = configuration[BotIdKey];
        return options;
    }
}
