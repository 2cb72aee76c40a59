using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegionBot.TeamsPackage;

namespace RegionBot.Tests.TeamsPackage;

public sealed class TeamsPackageBuilderTests : IDisposable
{
    private const string BotId = "5c1d2b7e-0a44-4a6f-9d0e-3b8f6c2a91d4";
    private const string Domain = "regionbot.contoso.example";

    private readonly TeamsTemplateCopy _template = new();

    public void Dispose() => _template.Dispose();

    private string ZipPath => _template.PathInRoot("out/RegionBot.zip");

    private static TeamsPackageOptions Options(string? botId = BotId, string? domain = Domain) => new()
    {
        BotId = botId,
        Domain = domain,
        Version = "1.2.3",
        DeveloperName = "Contoso Research",
        WebsiteUrl = "https://contoso.example/regionbot",
        PrivacyUrl = "https://contoso.example/privacy",
        TermsOfUseUrl = "https://contoso.example/terms",
    };

    private TeamsPackageResult Build(TeamsPackageOptions options)
        => new TeamsPackageBuilder(_template.TeamsDirectory).Build(options, ZipPath, CancellationToken.None);

    private Dictionary<string, byte[]> ReadZip()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private JsonElement ReadManifest() => JsonDocument.Parse(ReadZip()["manifest.json"]).RootElement;

    [Fact]
    public void Zip_holds_exactly_the_manifest_and_both_icons_at_its_root()
    {
        Build(Options());

        Assert.Equal(["color.png", "manifest.json", "outline.png"], ReadZip().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Icons_in_the_zip_are_the_committed_icons_unchanged()
    {
        Build(Options());

        var zip = ReadZip();
        Assert.Equal(File.ReadAllBytes(Path.Combine(_template.RepositoryTeamsDirectory, "color.png")), zip["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_template.RepositoryTeamsDirectory, "outline.png")), zip["outline.png"]);
    }

    [Fact]
    public void Manifest_has_every_field_Teams_requires()
    {
        Build(Options());
        var manifest = ReadManifest();

        Assert.Matches(@"^1\.\d+$", manifest.GetProperty("manifestVersion").GetString());
        Assert.True(Guid.TryParseExact(manifest.GetProperty("id").GetString(), "D", out _));
        Assert.Equal("1.2.3", manifest.GetProperty("version").GetString());

        var developer = manifest.GetProperty("developer");
        Assert.Equal("Contoso Research", developer.GetProperty("name").GetString());
        Assert.Equal("https://contoso.example/regionbot", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal("https://contoso.example/privacy", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal("https://contoso.example/terms", developer.GetProperty("termsOfUseUrl").GetString());

        var name = manifest.GetProperty("name");
        Assert.Equal("RegionBot", name.GetProperty("short").GetString());
        Assert.InRange(name.GetProperty("short").GetString()!.Length, 1, 30);

        var description = manifest.GetProperty("description");
        Assert.InRange(description.GetProperty("short").GetString()!.Length, 1, 80);
        var full = description.GetProperty("full").GetString()!;
        Assert.InRange(full.Length, 1, 4000);
        foreach (var country in new[] { "Kazakhstan", "Uzbekistan", "Tajikistan", "Kyrgyzstan", "Turkmenistan", "Taliban" })
        {
            Assert.Contains(country, full, StringComparison.Ordinal);
        }

        Assert.Equal("color.png", manifest.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", manifest.GetProperty("icons").GetProperty("outline").GetString());
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest.GetProperty("accentColor").GetString());
    }

    [Fact]
    public void Manifest_contains_no_unfilled_placeholder()
    {
        Build(Options());

        var text = System.Text.Encoding.UTF8.GetString(ReadZip()["manifest.json"]);
        Assert.DoesNotMatch(new Regex(@"\{\{\w+\}\}"), text);
    }

    [Fact]
    public void Bot_uses_the_configured_id_in_all_three_scopes_without_files()
    {
        Build(Options());

        var bot = Assert.Single(ReadManifest().GetProperty("bots").EnumerateArray());
        Assert.Equal(BotId, bot.GetProperty("botId").GetString());
        Assert.Equal(["groupChat", "personal", "team"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
        Assert.False(bot.GetProperty("supportsFiles").GetBoolean());
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("team")]
    [InlineData("groupChat")]
    public void Every_scope_suggests_help_and_an_example_question(string scope)
    {
        Build(Options());

        var bot = ReadManifest().GetProperty("bots")[0];
        var titles = bot.GetProperty("commandLists").EnumerateArray()
            .Where(list => list.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == scope))
            .SelectMany(list => list.GetProperty("commands").EnumerateArray())
            .Select(command =>
            {
                Assert.False(string.IsNullOrWhiteSpace(command.GetProperty("description").GetString()));
                return command.GetProperty("title").GetString()!;
            })
            .ToList();

        Assert.Contains("help", titles);
        Assert.Contains(titles, title => title.EndsWith('?'));
        Assert.All(titles, title => Assert.InRange(title.Length, 1, 128));
    }

    [Fact]
    public void Valid_domains_contain_the_configured_host()
    {
        var result = Build(Options());

        Assert.Equal([Domain], ReadManifest().GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"https://{Domain}/api/messages", result.MessagingEndpoint);
    }

    [Fact]
    public void A_pasted_messaging_endpoint_is_reduced_to_its_host()
    {
        Build(Options(domain: "https://RegionBot.Contoso.example/api/messages"));

        Assert.Equal(Domain, ReadManifest().GetProperty("validDomains")[0].GetString());
    }

    [Fact]
    public void Developer_urls_default_to_the_bot_site()
    {
        Build(new TeamsPackageOptions { BotId = BotId, Domain = Domain });

        var developer = ReadManifest().GetProperty("developer");
        Assert.Equal($"https://{Domain}/", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal($"https://{Domain}/", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal($"https://{Domain}/", developer.GetProperty("termsOfUseUrl").GetString());
        Assert.Equal("1.0.0", ReadManifest().GetProperty("version").GetString());
    }

    [Fact]
    public void Committed_color_icon_is_192_pixels_square_and_outline_is_32_with_alpha()
    {
        Build(Options());
        var zip = ReadZip();

        var color = TestPng.ReadHeader(zip["color.png"]);
        Assert.Equal((192, 192), (color.Width, color.Height));

        var outline = TestPng.ReadHeader(zip["outline.png"]);
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Contains(outline.ColorType, new byte[] { 4, 6 });
    }

    [Fact]
    public void Committed_outline_icon_is_white_on_transparent()
    {
        var pixels = PngImage.Read(File.ReadAllBytes(Path.Combine(_template.RepositoryTeamsDirectory, "outline.png"))).DecodeRgba();

        var all = pixels.Cast<(byte R, byte G, byte B, byte A)>().ToList();
        Assert.Equal(0, pixels[0, 0].A);
        Assert.Contains(all, p => p.A == 255);
        Assert.All(all.Where(p => p.A > 0), p => Assert.True(p.R >= 0xF0 && p.G >= 0xF0 && p.B >= 0xF0, $"non-white pixel {p}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_bot_id_is_refused_with_a_clear_message_and_no_zip(string? botId)
    {
        var error = Assert.Throws<TeamsPackageException>(() => Build(Options(botId: botId)));

        Assert.Contains("bot id is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("--bot-id", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(ZipPath)));
    }

    [Fact]
    public void Bot_id_that_is_not_a_guid_is_refused()
    {
        var error = Assert.Throws<TeamsPackageException>(() => Build(Options(botId: "my-bot")));

        Assert.Contains("'my-bot' is not a GUID", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://regionbot.contoso.example")]
    [InlineData("not a host")]
    [InlineData("localhost")]
    public void Missing_or_unusable_domain_is_refused(string? domain)
    {
        var error = Assert.Throws<TeamsPackageException>(() => Build(Options(domain: domain)));

        Assert.Contains("bot domain", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        var error = Assert.Throws<TeamsPackageException>(() => Build(new TeamsPackageOptions { Version = "1.0" }));

        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void Color_icon_of_the_wrong_size_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_template.TeamsDirectory, "color.png"), TestPng.Create(96, 96, withAlpha: true, (_, _) => (0x1F, 0x5F, 0xA8, 255)));

        var error = Assert.Throws<TeamsPackageException>(() => Build(Options()));

        Assert.Contains("color.png is 96x96 pixels; Teams needs 192x192", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public void Outline_icon_without_alpha_channel_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_template.TeamsDirectory, "outline.png"), TestPng.Create(32, 32, withAlpha: false, (_, _) => (255, 255, 255, 255)));

        var error = Assert.Throws<TeamsPackageException>(() => Build(Options()));

        Assert.Contains("outline.png has no alpha channel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coloured_outline_icon_is_refused()
    {
        File.WriteAllBytes(
            Path.Combine(_template.TeamsDirectory, "outline.png"),
            TestPng.Create(32, 32, withAlpha: true, (x, y) => x < 16 ? ((byte)0x1F, (byte)0x5F, (byte)0xA8, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0)));

        var error = Assert.Throws<TeamsPackageException>(() => Build(Options()));

        Assert.Contains("outline.png must be white on a transparent background", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void White_on_transparent_outline_written_elsewhere_is_accepted()
    {
        File.WriteAllBytes(
            Path.Combine(_template.TeamsDirectory, "outline.png"),
            TestPng.Create(32, 32, withAlpha: true, (x, y) => x is > 4 and < 28 && y is > 4 and < 28 ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0)));

        Build(Options());

        Assert.True(File.Exists(ZipPath));
    }

    [Fact]
    public void Rebuilding_replaces_the_previous_package()
    {
        Build(Options());
        Build(Options(botId: "0b9f3a55-6c1e-4d7a-8e2f-1a2b3c4d5e6f"));

        Assert.Equal("0b9f3a55-6c1e-4d7a-8e2f-1a2b3c4d5e6f", ReadManifest().GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(ZipPath)!));
    }
}
