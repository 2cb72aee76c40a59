using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace RegionBot.Import.Reading;

/// <summary>
/// The article's title, publisher, date and address as the page declares them: a JSON-LD <c>NewsArticle</c> first,
/// then Open Graph and <c>article:</c> meta tags, then the canonical link.
/// </summary>
internal static class HtmlMetadata
{
    private static readonly HashSet<string> ArticleTypes = new(["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"], StringComparer.Ordinal);

    public static ArticleMetadata Read(IDocument page)
    {
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        var jsonLd = FindJsonLdArticle(page);
        var title = First(origin, "title", (JsonString(jsonLd, "headline"), "JSON-LD NewsArticle headline"), (Meta(page, "og:title"), "og:title"));
        var publisher = First(origin, "publisher", (JsonName(jsonLd, "publisher"), "JSON-LD NewsArticle publisher"), (Meta(page, "og:site_name"), "og:site_name"));
        var date = First(origin, "date", (IsoDate(JsonString(jsonLd, "datePublished")), "JSON-LD NewsArticle datePublished"), (IsoDate(Meta(page, "article:published_time")), "article:published_time"));
        var url = First(
            origin,
            "url",
            (Absolute(page.QuerySelector("link[rel~='canonical']")?.GetAttribute("href")), "the canonical link"),
            (Absolute(Meta(page, "og:url")), "og:url"),
            (Absolute(JsonString(jsonLd, "url")), "JSON-LD NewsArticle url"));
        return new ArticleMetadata(WithoutSiteName(title, publisher), publisher, date, url) { Origin = origin };
    }

    /// <summary>"All eyes are on Central Asia | TRT World" → "All eyes are on Central Asia": pages append their name.</summary>
    private static string? WithoutSiteName(string? title, string? publisher)
    {
        if (title is null || publisher is null)
        {
            return title;
        }

        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " · " })
        {
            var suffix = separator + publisher;
            if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
            {
                return title[..^suffix.Length].Trim();
            }
        }

        return title;
    }

    private static string? First(Dictionary<string, string> origin, string key, params (string? Value, string Origin)[] candidates)
    {
        foreach (var (value, from) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                origin[key] = from;
                return value.Trim();
            }
        }

        return null;
    }

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), property, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    private static JsonElement? FindJsonLdArticle(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                if (FindArticle(json.RootElement) is { } found)
                {
                    return found.Clone();
                }
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD block is skipped: the meta tags still describe the article.
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindArticle).FirstOrDefault(e => e is not null);
            case JsonValueKind.Object:
                if (element.TryGetProperty("@type", out var type) && IsArticleType(type))
                {
                    return element;
                }

                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
        _ => false,
    };

    private static string? JsonString(JsonElement? article, string property) =>
        article is { } a && a.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? JsonName(JsonElement? article, string property)
    {
        if (article is not { } a || !a.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
            _ => null,
        };
    }

    private static string? IsoDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string? Absolute(string? value) =>
        value is not null && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.ToString()
            : null;
}
