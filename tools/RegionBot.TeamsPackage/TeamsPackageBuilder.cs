using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RegionBot.TeamsPackage;

/// <summary>
/// Turns the committed Teams app template (manifest.json with {{Token}} placeholders, color.png, outline.png) into
/// the zip a Teams admin uploads. Every check runs before anything is written, so a rejected configuration never
/// leaves a package behind that would fail later inside Teams with a less helpful message.
/// </summary>
public sealed partial class TeamsPackageBuilder
{
    public const string ManifestFileName = "manifest.json";
    public const string ColorIconFileName = "color.png";
    public const string OutlineIconFileName = "outline.png";

    // The manifest is written indented and without escaping apostrophes and non-ASCII letters, so an admin who
    // opens the package sees the descriptions as written; the output is still plain, valid JSON.
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _templateDirectory;

    /// <param name="templateDirectory">The folder holding manifest.json, color.png and outline.png (teams/ in the repository).</param>
    public TeamsPackageBuilder(string templateDirectory)
    {
        _templateDirectory = templateDirectory;
    }

    /// <summary>Validates the options and the template, then writes the zip to <paramref name="zipPath"/>.</summary>
    /// <exception cref="TeamsPackageException">The options or the template are not usable; no file is written.</exception>
    public TeamsPackageResult Build(TeamsPackageOptions options, string zipPath, CancellationToken cancellationToken = default)
    {
        var (manifest, values) = Prepare(options);
        var colorIcon = File.ReadAllBytes(Path.Combine(_templateDirectory, ColorIconFileName));
        var outlineIcon = File.ReadAllBytes(Path.Combine(_templateDirectory, OutlineIconFileName));
        cancellationToken.ThrowIfCancellationRequested();

        var directory = Path.GetDirectoryName(Path.GetFullPath(zipPath))!;
        Directory.CreateDirectory(directory);

        // The zip is assembled under a temporary name and moved into place at the end, so an interrupted run never
        // leaves a half-written package where the admin expects a complete one.
        var temporaryPath = Path.Combine(directory, $".{Path.GetFileName(zipPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var zip = ZipFile.Open(temporaryPath, ZipArchiveMode.Create))
            {
                AddEntry(zip, ManifestFileName, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
                AddEntry(zip, ColorIconFileName, colorIcon);
                AddEntry(zip, OutlineIconFileName, outlineIcon);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporaryPath, zipPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }

        return new TeamsPackageResult(Path.GetFullPath(zipPath), values["BotId"], values["BotDomain"]);
    }

    // Fills the template with the options and checks the result and the icons; throws TeamsPackageException.
    private (JsonObject Manifest, Dictionary<string, string> Values) Prepare(TeamsPackageOptions options)
    {
        var problems = new List<string>();
        var values = ResolveValues(options, problems);
        if (problems.Count > 0)
        {
            throw new TeamsPackageException(problems);
        }

        var manifest = LoadTemplate();
        FillTokens(manifest, values, problems);
        ManifestRules.Check(manifest, values["BotId"], values["BotDomain"], problems);
        CheckIcons(problems);
        if (problems.Count > 0)
        {
            throw new TeamsPackageException(problems);
        }

        return (manifest, values);
    }

    private static Dictionary<string, string> ResolveValues(TeamsPackageOptions options, List<string> problems)
    {
        var botId = options.BotId?.Trim() ?? string.Empty;
        if (botId.Length == 0)
        {
            problems.Add("The bot id is empty. Set it to the Azure Bot's Microsoft App ID with --bot-id <GUID>, "
                         + "the MicrosoftAppId environment variable, or MicrosoftAppId in appsettings.json.");
        }
        else if (!Guid.TryParseExact(botId, "D", out _))
        {
            problems.Add($"The bot id '{botId}' is not a GUID like 00000000-0000-0000-0000-000000000000; "
                         + "use the Azure Bot's Microsoft App ID.");
        }

        var domain = NormalizeDomain(options.Domain, problems);
        var version = options.Version?.Trim() ?? string.Empty;
        if (!SemanticVersion().IsMatch(version))
        {
            problems.Add($"The app version '{version}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (--app-version or TeamsApp:Version).");
        }

        var websiteUrl = FirstNonEmpty(options.WebsiteUrl, domain is null ? null : $"https://{domain}/");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BotId"] = botId.ToLowerInvariant(),
            ["BotDomain"] = domain ?? string.Empty,
            ["Version"] = version,
            ["DeveloperName"] = options.DeveloperName?.Trim() ?? string.Empty,
            ["WebsiteUrl"] = websiteUrl ?? string.Empty,
            ["PrivacyUrl"] = FirstNonEmpty(options.PrivacyUrl, websiteUrl) ?? string.Empty,
            ["TermsOfUseUrl"] = FirstNonEmpty(options.TermsOfUseUrl, websiteUrl) ?? string.Empty,
        };
    }

    // Admins often paste the messaging endpoint or site URL instead of the bare host; both name the host
    // unambiguously, so they are accepted and reduced to it. A plain-http URL is refused because Teams only
    // talks to bots over https.
    private static string? NormalizeDomain(string? configured, List<string> problems)
    {
        var text = configured?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add("The bot domain is empty. Set the bot's public host name (e.g. regionbot.example.org) with "
                         + "--domain <host>, the TeamsApp__Domain environment variable, or TeamsApp:Domain in appsettings.json.");
            return null;
        }

        var host = text;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"The bot domain '{text}' must be a host name, or an https:// URL on that host.");
                return null;
            }

            host = uri.Host;
        }

        if (Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            problems.Add($"The bot domain '{text}' is not a public host name like regionbot.example.org.");
            return null;
        }

        return host.ToLowerInvariant();
    }

    private static string? FirstNonEmpty(string? configured, string? fallback)
        => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();

    private JsonObject LoadTemplate()
    {
        var path = Path.Combine(_templateDirectory, ManifestFileName);
        if (!File.Exists(path))
        {
            throw new TeamsPackageException([$"The manifest template {path} does not exist."]);
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new TeamsPackageException([$"The manifest template {path} is not a JSON object."]);
        }
        catch (JsonException exception)
        {
            throw new TeamsPackageException([$"The manifest template {path} is not valid JSON: {exception.Message}"]);
        }
    }

    // Tokens are replaced inside parsed string values rather than in the raw text, so a value containing quotes
    // or backslashes can never break the JSON structure.
    private static void FillTokens(JsonNode? node, IReadOnlyDictionary<string, string> values, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Replace(text, values, problems);
                    }
                    else
                    {
                        FillTokens(child, values, problems);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, values, problems);
                    }
                    else
                    {
                        FillTokens(array[i], values, problems);
                    }
                }

                break;
        }
    }

    private static string Replace(string text, IReadOnlyDictionary<string, string> values, List<string> problems)
        => Token().Replace(text, match =>
        {
            if (values.TryGetValue(match.Groups[1].Value, out var value))
            {
                return value;
            }

            problems.Add($"The manifest template uses the unknown placeholder {match.Value}.");
            return match.Value;
        });

    private void CheckIcons(List<string> problems)
    {
        var color = ReadIcon(ColorIconFileName, problems);
        if (color is not null && (color.Width != 192 || color.Height != 192))
        {
            problems.Add($"{ColorIconFileName} is {color.Width}x{color.Height} pixels; Teams needs 192x192.");
        }

        var outline = ReadIcon(OutlineIconFileName, problems);
        if (outline is null)
        {
            return;
        }

        if (outline.Width != 32 || outline.Height != 32)
        {
            problems.Add($"{OutlineIconFileName} is {outline.Width}x{outline.Height} pixels; Teams needs 32x32.");
        }

        if (!outline.HasAlphaChannel)
        {
            problems.Add($"{OutlineIconFileName} has no alpha channel (PNG colour type {outline.ColorType}); "
                         + "Teams needs white on a transparent background.");
            return;
        }

        CheckWhiteOnTransparent(outline, problems);
    }

    private PngImage? ReadIcon(string fileName, List<string> problems)
    {
        var path = Path.Combine(_templateDirectory, fileName);
        if (!File.Exists(path))
        {
            problems.Add($"The icon {path} does not exist.");
            return null;
        }

        try
        {
            return PngImage.Read(File.ReadAllBytes(path));
        }
        catch (InvalidDataException exception)
        {
            problems.Add($"{fileName}: {exception.Message}");
            return null;
        }
    }

    private static void CheckWhiteOnTransparent(PngImage outline, List<string> problems)
    {
        (byte R, byte G, byte B, byte A)[,] pixels;
        try
        {
            pixels = outline.DecodeRgba();
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidDataException)
        {
            problems.Add($"{OutlineIconFileName} could not be checked for white on transparent: {exception.Message}");
            return;
        }

        int transparent = 0, white = 0, other = 0;
        for (var y = 0; y < outline.Height; y++)
        {
            for (var x = 0; x < outline.Width; x++)
            {
                var (r, g, b, a) = pixels[y, x];
                if (a == 0)
                {
                    transparent++;
                }
                else if (r >= 0xF0 && g >= 0xF0 && b >= 0xF0)
                {
                    white++;
                }
                else
                {
                    other++;
                }
            }
        }

        if (other > 0 || transparent == 0 || white == 0)
        {
            problems.Add($"{OutlineIconFileName} must be white on a transparent background "
                         + $"({white} white, {transparent} transparent and {other} other pixels found).");
        }
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Token();
}
