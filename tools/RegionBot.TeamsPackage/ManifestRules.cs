using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RegionBot.TeamsPackage;

/// <summary>
/// The subset of the Teams app manifest schema (v1.30) that decides whether Teams accepts RegionBot's package:
/// required fields, length limits and formats. Teams reports these problems only after an upload, one at a time;
/// checking them here reports them all before the zip is built.
/// </summary>
internal static partial class ManifestRules
{
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    public static void Check(JsonObject manifest, string botId, string domain, List<string> problems)
    {
        Require(manifest, "manifestVersion", problems);
        Require(manifest, "$schema", problems);

        if (!Guid.TryParseExact(Text(manifest["id"]), "D", out _))
        {
            problems.Add("manifest id must be a GUID; it identifies the Teams app and must stay the same across versions.");
        }

        if (!SemanticVersion().IsMatch(Text(manifest["version"])))
        {
            problems.Add("manifest version must be MAJOR.MINOR.PATCH.");
        }

        CheckLength(manifest, "developer.name", 32, problems);
        foreach (var url in new[] { "developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl" })
        {
            var value = Text(Find(manifest, url));
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || value.Length > 2048)
            {
                problems.Add($"{url} must be an https URL of at most 2048 characters (found '{value}').");
            }
        }

        CheckLength(manifest, "name.short", 30, problems);
        CheckLength(manifest, "name.full", 100, problems);
        CheckLength(manifest, "description.short", 80, problems);
        CheckLength(manifest, "description.full", 4000, problems);
        Require(manifest, "icons.color", problems);
        Require(manifest, "icons.outline", problems);

        if (!AccentColor().IsMatch(Text(manifest["accentColor"])))
        {
            problems.Add("accentColor must be a colour like #1F5FA8.");
        }

        CheckBot(manifest, botId, problems);

        var domains = manifest["validDomains"] as JsonArray;
        if (domains is null || !domains.Any(entry => string.Equals(Text(entry), domain, StringComparison.Ordinal)))
        {
            problems.Add($"validDomains must contain the bot domain '{domain}'.");
        }
    }

    private static void CheckBot(JsonObject manifest, string botId, List<string> problems)
    {
        if (manifest["bots"] is not JsonArray { Count: 1 } bots || bots[0] is not JsonObject bot)
        {
            problems.Add("bots must hold exactly one bot.");
            return;
        }

        if (!string.Equals(Text(bot["botId"]), botId, StringComparison.Ordinal))
        {
            problems.Add($"bots[0].botId must be the configured bot id '{botId}'.");
        }

        var scopes = (bot["scopes"] as JsonArray)?.Select(Text).ToHashSet(StringComparer.Ordinal) ?? [];
        var lists = (bot["commandLists"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var scope in BotScopes)
        {
            if (!scopes.Contains(scope))
            {
                problems.Add($"bots[0].scopes must include {scope}.");
            }

            var commands = lists
                .Where(list => (list["scopes"] as JsonArray)?.Any(entry => string.Equals(Text(entry), scope, StringComparison.Ordinal)) == true)
                .SelectMany(list => (list["commands"] as JsonArray)?.OfType<JsonObject>() ?? [])
                .ToList();
            if (commands.Count == 0)
            {
                problems.Add($"bots[0].commandLists must suggest at least one command in the {scope} scope.");
            }
        }

        foreach (var list in lists)
        {
            var commands = (list["commands"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            if (commands.Count > 12)
            {
                problems.Add("A bot command list may hold at most 12 commands.");
            }

            foreach (var command in commands)
            {
                var title = Text(command["title"]);
                var description = Text(command["description"]);
                if (title.Length is 0 or > 128 || description.Length is 0 or > 128)
                {
                    problems.Add($"Bot command '{title}' needs a title and a description of at most 128 characters each.");
                }
            }
        }
    }

    private static void Require(JsonObject manifest, string path, List<string> problems)
    {
        if (Text(Find(manifest, path)).Length == 0)
        {
            problems.Add($"{path} is required.");
        }
    }

    private static void CheckLength(JsonObject manifest, string path, int maximum, List<string> problems)
    {
        var value = Text(Find(manifest, path));
        if (value.Trim().Length == 0 || value.Length > maximum)
        {
            problems.Add($"{path} is required and may be at most {maximum} characters (found {value.Length}).");
        }
    }

    private static JsonNode? Find(JsonObject manifest, string dottedPath)
    {
        JsonNode? node = manifest;
        foreach (var part in dottedPath.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    private static string Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex AccentColor();
}
