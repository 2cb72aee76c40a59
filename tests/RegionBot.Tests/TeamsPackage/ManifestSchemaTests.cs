using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RegionBot.TeamsPackage;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.TeamsPackage;

/// <summary>
/// The generated manifest against Microsoft's published Teams manifest schema (from the npm package
/// @microsoft/app-manifest, restored by the same npm step as the web chat bundle), so Teams Admin and the Developer
/// Portal accept the package for the same reasons the schema does.
/// </summary>
public sealed class ManifestSchemaTests : IDisposable
{
    private readonly TeamsTemplateCopy _template = new();

    public void Dispose() => _template.Dispose();

    [Fact]
    public void The_generated_manifest_is_valid_against_the_published_schema_of_its_version()
    {
        var manifest = GeneratedManifest();
        var schema = PublishedSchema(manifest["manifestVersion"]!.GetValue<string>());

        var result = schema.Evaluate(ToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void The_schema_check_catches_a_manifest_Teams_would_refuse()
    {
        var manifest = GeneratedManifest();
        var schema = PublishedSchema(manifest["manifestVersion"]!.GetValue<string>());
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["scopes"] = new JsonArray("everywhere");

        var result = schema.Evaluate(ToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.False(result.IsValid);
    }

    private JsonNode GeneratedManifest()
    {
        var zipPath = _template.PathInRoot("out/RegionBot.zip");
        new TeamsPackageBuilder(_template.TeamsDirectory).Build(
            new TeamsPackageOptions
            {
                BotId = "5c1d2b7e-0a44-4a6f-9d0e-3b8f6c2a91d4",
                Domain = "regionbot.contoso.example",
                Version = "1.2.3",
                DeveloperName = "Contoso Research",
                WebsiteUrl = "https://contoso.example/regionbot",
                PrivacyUrl = "https://contoso.example/privacy",
                TermsOfUseUrl = "https://contoso.example/terms",
            },
            zipPath,
            CancellationToken.None);
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    /// <summary>
    /// The schema file of the manifest's version. It declares JSON Schema draft-04, which JsonSchema.Net does not
    /// implement; it is read as draft-06, which differs from draft-04 only in <c>id</c> (renamed <c>$id</c>) and the
    /// boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, none of which this schema uses.
    /// </summary>
    private static JsonSchema PublishedSchema(string manifestVersion)
    {
        var path = Path.Combine(
            RepositoryRoot.Path, "src", "RegionBot", "WebChat", "node_modules", "@microsoft", "app-manifest", "build",
            "json-schemas", "teams", "v" + manifestVersion, "MicrosoftTeams.schema.json");
        Assert.True(File.Exists(path), $"The Teams manifest schema is missing at {path}; build src/RegionBot (it runs npm ci in src/RegionBot/WebChat).");
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\"exclusiveMinimum\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"exclusiveMaximum\"", text, StringComparison.Ordinal);
        text = text.Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static JsonElement ToElement(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}")));
}
