using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace RegionBot.Import.Reading;

/// <summary>
/// Reads a saved web page: SmartReader (a port of Mozilla's Readability) finds the article among the site's
/// navigation, ads and footers; its result is then walked as a DOM with AngleSharp, keeping headings and
/// paragraphs and dropping what Readability leaves of captions and "read more" links. Title, publisher, date and
/// address come from the page's metadata (<see cref="HtmlMetadata"/>).
/// </summary>
internal sealed class HtmlArticleReader : IArticleReader
{
    /// <summary>Paragraphs whose text is mostly link text are teasers for other articles, not the article's own.</summary>
    private const double MaxLinkShare = 0.5;

    private static readonly HashSet<string> SkippedContainers = new(["FIGURE", "FIGCAPTION", "ASIDE", "NAV", "FOOTER", "FORM", "TABLE", "BUTTON"], StringComparer.Ordinal);

    private static readonly HashSet<string> ChromeNames = new(["ad", "ads", "advert", "adverts", "advertisement", "adsbygoogle", "sponsor", "sponsored", "promo", "promotion", "newsletter", "related", "read-more", "readmore", "share", "social", "cookie", "cookies", "paywall", "subscribe"], StringComparer.Ordinal);

    private static readonly string[] ChromePrefixes = ["ad-", "ads-", "advert", "div-gpt-ad", "sponsor", "promo-", "newsletter-", "related-", "share-", "social-", "cookie-", "outbrain", "taboola"];

    public ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken)
    {
        var parser = new HtmlParser();
        using var stream = new MemoryStream(bytes);
        using var page = parser.ParseDocument(stream);
        var metadata = HtmlMetadata.Read(page);
        RemoveMarkedChrome(page);
        var address = metadata.Url is not null && Uri.TryCreate(metadata.Url, UriKind.Absolute, out _) ? metadata.Url : "https://localhost/";
        var article = new Reader(address, page.DocumentElement.OuterHtml).GetArticle();
        // A short article can fall below Readability's "readable" threshold; what it found still counts when it
        // holds paragraphs, and a page without any (an index, a login form) is refused below.
        var blocks = string.IsNullOrWhiteSpace(article.Content) ? [] : Blocks(parser, article.Content, metadata.Title, cancellationToken);
        if (!blocks.Any(b => b.Kind == ArticleBlockKind.Paragraph))
        {
            throw new ImportException($"{displayName}: no article body found in the page (is it the article itself, saved complete, rather than an index or a login page?)");
        }

        if (metadata.Title is null && !string.IsNullOrWhiteSpace(article.Title))
        {
            metadata = metadata with { Title = article.Title.Trim(), Origin = With(metadata.Origin, "title", "the page's title") };
        }

        if (metadata.Publisher is null && !string.IsNullOrWhiteSpace(article.SiteName))
        {
            metadata = metadata with { Publisher = article.SiteName.Trim(), Origin = With(metadata.Origin, "publisher", "the page's site name") };
        }

        return new ArticleDocument(metadata, blocks);
    }

    /// <summary>
    /// Removes what the page itself marks as advertising, promotion or sharing (by class or id: "ad", "ad-inline",
    /// "advertisement", "sponsored", "newsletter", "share-buttons", "related", "cookie-banner"), which Readability may
    /// otherwise keep when it sits inside the article.
    /// </summary>
    private static void RemoveMarkedChrome(IDocument page)
    {
        foreach (var element in page.QuerySelectorAll("[class], [id]").ToList())
        {
            var names = (element.ClassName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(element.Id ?? "");
            if (names.Any(IsChromeName) && element.LocalName is not ("html" or "body" or "article" or "main"))
            {
                element.Remove();
            }
        }
    }

    private static bool IsChromeName(string name)
    {
        var lower = name.ToLowerInvariant();
        return ChromeNames.Contains(lower) || ChromePrefixes.Any(prefix => lower.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static List<ArticleBlock> Blocks(HtmlParser parser, string content, string? title, CancellationToken cancellationToken)
    {
        using var document = parser.ParseDocument(content);
        var blocks = new List<ArticleBlock>();
        foreach (var element in document.Body?.Descendants<IElement>() ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = element.LocalName switch
            {
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => ArticleBlockKind.Heading,
                "p" => ArticleBlockKind.Paragraph,
                _ => (ArticleBlockKind?)null,
            };
            if (kind is null || IsInsideSkippedContainer(element) || IsMostlyLinks(element))
            {
                continue;
            }

            var text = VisibleText(element);
            if (text.Length == 0 || (kind == ArticleBlockKind.Heading && string.Equals(text, title, StringComparison.Ordinal)))
            {
                continue;
            }

            blocks.Add(new ArticleBlock(kind.Value, text));
        }

        return blocks;
    }

    private static bool IsInsideSkippedContainer(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (SkippedContainers.Contains(parent.TagName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMostlyLinks(IElement element)
    {
        var all = VisibleText(element).Length;
        var linked = element.QuerySelectorAll("a").Sum(a => VisibleText(a).Length);
        return all > 0 && linked > all * MaxLinkShare;
    }

    /// <summary>
    /// The text a browser shows: runs of ASCII white space collapse into one space (a no-break space is kept, as
    /// browsers keep it), and a line break is a space.
    /// </summary>
    private static string VisibleText(INode node)
    {
        var raw = new StringBuilder();
        AppendText(node, raw);
        var text = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw.ToString())
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString().Trim();
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else if (child is IElement element)
            {
                if (element.LocalName is "br")
                {
                    text.Append(' ');
                }
                else if (element.LocalName is not ("script" or "style" or "noscript"))
                {
                    AppendText(element, text);
                }
            }
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> origin, string key, string value) =>
        new(origin, StringComparer.Ordinal) { [key] = value };
}
