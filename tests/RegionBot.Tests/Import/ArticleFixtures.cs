using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Tests.Support;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace RegionBot.Tests.Import;

/// <summary>
/// An article in every format import reads, made at test time from one plain-text copy (the seed article, or the
/// invented one) with the same libraries the import reads them with: a saved web page with its site's chrome, a
/// PDF laid out in a narrow column with words hyphenated across line ends, a Word document with heading styles,
/// Markdown, and the text itself. Which paragraphs are headings comes from the article's hand-made knowledge file.
/// </summary>
public sealed class ArticleFixtures
{
    public const string SeedId = "trt-world-central-asia-taliban";
    public const string InventedId = "kyzyl-tash-water-talks";

    public static readonly string[] Formats = ["txt", "md", "html", "docx", "pdf"];

    private ArticleFixtures(string textPath, string referencePath)
    {
        TextPath = textPath;
        var reference = KnowledgeLoader.Load(Path.GetDirectoryName(referencePath)!);
        Reference = reference.Knowledge!.Passages.Where(p => string.Equals(p.Source.FilePath, Path.GetFullPath(referencePath), StringComparison.Ordinal)).ToList();
        Title = Reference[0].Source.Title;
        var headings = Reference.Select(p => p.Section).ToHashSet(StringComparer.Ordinal);
        foreach (var paragraph in File.ReadAllText(textPath).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var text = paragraph.Trim('\n');
            if (text.StartsWith("Source: ", StringComparison.Ordinal))
            {
                Publisher = text["Source: ".Length..].Trim();
            }
            else if (Blocks.Count == 0 && string.Equals(text.Trim(), Title, StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                Blocks.Add((headings.Contains(text.Trim()), text));
            }
        }
    }

    /// <summary>The seed article and its hand-made knowledge file.</summary>
    public static ArticleFixtures Seed { get; } = new(
        Path.Combine(RepositoryRoot.Path, "tests", "RegionBot.Tests", "Knowledge", "Data", SeedId + ".txt"),
        Path.Combine(RepositoryRoot.Knowledge, SeedId + ".md"));

    /// <summary>A short invented article about a made-up valley with made-up officials, and its hand-made knowledge.</summary>
    public static ArticleFixtures Invented { get; } = new(
        Path.Combine(DataFolder, InventedId + ".txt"),
        Path.Combine(DataFolder, InventedId + ".expected.md"));

    /// <summary>
    /// Debian's DejaVu fonts (fonts-dejavu-core, which ./test.sh installs): unlike PDF's standard fonts they draw the
    /// article's no-break spaces and typographic quotes, so the PDF's text layer holds exactly the article's characters.
    /// </summary>
    public const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    public static string DataFolder => Path.Combine(RepositoryRoot.Path, "tests", "RegionBot.Tests", "Import", "Data");

    public string TextPath { get; }

    /// <summary>The hand-made knowledge of the article: what an import should come close to.</summary>
    public IReadOnlyList<Passage> Reference { get; }

    public string Title { get; }

    public string Publisher { get; } = "TRT World";

    /// <summary>The article's headings and paragraphs, as the text copy has them (no-break spaces and all).</summary>
    public List<(bool IsHeading, string Text)> Blocks { get; } = [];

    /// <summary>How many line ends of the last PDF made split a word with a hyphen the word does not have.</summary>
    public int HyphenatedLineEnds { get; private set; }

    /// <summary>How many line ends of the last PDF made fell at a hyphen the word has ("Kassym-" / "Jomart").</summary>
    public int CompoundLineEnds { get; private set; }

    /// <summary>Writes the article in a format into a folder, named by its source id; returns the file's path.</summary>
    public string WriteTo(string folder, string format, string? name = null)
    {
        var path = Path.Combine(folder, $"{name ?? Path.GetFileNameWithoutExtension(TextPath)}.{format}");
        switch (format)
        {
            case "txt":
                File.Copy(TextPath, path, overwrite: true);
                break;
            case "md":
                File.WriteAllText(path, Markdown());
                break;
            case "html":
                File.WriteAllText(path, Html());
                break;
            case "docx":
                File.WriteAllBytes(path, Word());
                break;
            case "pdf":
                File.WriteAllBytes(path, Pdf());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "no such fixture format");
        }

        return path;
    }

    private string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(Title)).Append("\n\n");
        foreach (var (isHeading, block) in Blocks)
        {
            text.Append(isHeading ? "## " : "").Append(Escape(block)).Append("\n\n");
        }

        return text.Append("Source: ").Append(Publisher).Append('\n').ToString();

        static string Escape(string value)
        {
            var escaped = new StringBuilder();
            foreach (var c in value)
            {
                escaped.Append("\\`*_[]<>#".Contains(c, StringComparison.Ordinal) ? "\\" : "").Append(c);
            }

            return escaped.ToString();
        }
    }

    private string Html()
    {
        var parser = new HtmlParser();
        using var page = parser.ParseDocument(File.ReadAllText(Path.Combine(DataFolder, "saved-page-template.html")));
        const string url = "https://news.example.test/magazine/all-eyes-on-central-asia-49531";
        page.QuerySelector("[data-fill=page-title]")!.TextContent = $"{Title} | {Publisher}";
        page.QuerySelector("[data-fill=publisher]")!.SetAttribute("content", Publisher);
        page.QuerySelector("[data-fill=og-title]")!.SetAttribute("content", $"{Title} | {Publisher}");
        page.QuerySelector("[data-fill=url]")!.SetAttribute("content", url + "?utm_source=share");
        page.QuerySelector("[data-fill=canonical]")!.SetAttribute("href", url);
        page.QuerySelector("[data-fill=published]")!.SetAttribute("content", "2021-08-27T14:05:00+03:00");
        page.QuerySelector("[data-fill=time]")!.TextContent = "27 August 2021";
        page.QuerySelector("[data-fill=json-ld]")!.TextContent = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Title,
            ["datePublished"] = "2021-08-27T14:05:00+03:00",
            ["url"] = url,
            ["publisher"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = Publisher },
        });

        var body = page.GetElementById("article-body")!;
        var headline = page.CreateElement("h1");
        headline.TextContent = Title;
        body.ParentElement!.InsertBefore(headline, body.ParentElement.FirstChild);
        var paragraphs = 0;
        foreach (var (isHeading, text) in Blocks)
        {
            var element = page.CreateElement(isHeading ? "h2" : "p");
            element.TextContent = text.ReplaceLineEndings(" ");
            body.AppendChild(element);
            if (!isHeading && ++paragraphs % 6 == 2)
            {
                body.AppendChild(parser.ParseFragment(
                    """<figure class="inline-image"><img src="/images/border.jpg" alt=""><figcaption>A border crossing between Afghanistan and its northern neighbours, August 2021. (Reuters)</figcaption></figure>""",
                    body)[0]);
            }

            if (!isHeading && paragraphs % 6 == 4)
            {
                var readMore = page.CreateElement("p");
                readMore.ClassName = "read-more";
                readMore.InnerHtml = """<strong>Read more:</strong> <a href="/magazine/what-the-taliban-want-from-their-neighbours">What the Taliban want from their northern neighbours and why it matters for the region</a>""";
                body.AppendChild(readMore);
                var advert = page.CreateElement("div");
                advert.ClassName = "ad ad-inline";
                advert.InnerHtml = "<span>Advertisement</span>";
                body.AppendChild(advert);
            }
        }

        return "<!DOCTYPE html>\n" + page.DocumentElement.OuterHtml;
    }

    private byte[] Word()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(ParagraphStyle("Normal", "Normal"), ParagraphStyle("Title", "Title"), ParagraphStyle("Heading2", "heading 2"));
            var body = new Body(StyledParagraph("Title", Title));
            foreach (var (isHeading, text) in Blocks)
            {
                body.Append(StyledParagraph(isHeading ? "Heading2" : "Normal", text.ReplaceLineEndings(" ")));
            }

            body.Append(StyledParagraph("Normal", $"Source: {Publisher}"));
            main.Document = new Document(body);
            document.PackageProperties.Title = Title;
        }

        return stream.ToArray();

        static Style ParagraphStyle(string id, string name) => new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

        // Each paragraph in two runs, split after its first comma, as editing leaves them in real documents.
        static Paragraph StyledParagraph(string style, string text)
        {
            var split = text.IndexOf(',', StringComparison.Ordinal) + 1;
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            foreach (var part in split > 0 ? [text[..split], text[split..]] : new[] { text })
            {
                paragraph.Append(new Run(new Text(part) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return paragraph;
        }
    }

    private byte[] Pdf()
    {
        const double left = 72;
        const double top = 790;
        const double bottom = 60;
        const double columnWidth = 260;
        const double bodySize = 10;
        HyphenatedLineEnds = 0;
        CompoundLineEnds = 0;
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = Title;
        var regular = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(FontFolder, "DejaVuSans.ttf")));
        var bold = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(FontFolder, "DejaVuSans-Bold.ttf")));
        var page = builder.AddPage(PdfPageSize.A4);
        var y = top;

        void Line(string text, PdfDocumentBuilder.AddedFont font, double size)
        {
            if (y < bottom)
            {
                page = builder.AddPage(PdfPageSize.A4);
                y = top;
            }

            page.AddText(text, size, new PdfPoint(left, y), font);
            y -= size * 1.25;
        }

        double Width(string text) =>
            page.MeasureText(text, bodySize, new PdfPoint(0, 0), regular) is { Count: > 0 } letters ? letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X : 0;

        Line(Title, bold, 16);
        y -= 10;
        foreach (var (isHeading, text) in Blocks)
        {
            if (isHeading)
            {
                y -= 6;
                Line(text.Trim(), bold, 12);
                y -= 4;
                continue;
            }

            var line = "";
            foreach (var word in text.ReplaceLineEndings(" ").Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Width(candidate) <= columnWidth)
                {
                    line = candidate;
                    continue;
                }

                var (head, rest) = Break(line, word, Width, columnWidth);
                if (head is not null)
                {
                    Line(head, regular, bodySize);
                    line = rest!;
                }
                else
                {
                    Line(line, regular, bodySize);
                    line = word;
                }
            }

            Line(line, regular, bodySize);
            y -= bodySize * 0.9;
        }

        Line($"Source: {Publisher}", regular, bodySize);
        return builder.Build();
    }

    /// <summary>
    /// Where a word that does not fit is broken: after a hyphen it has, or inside a long lower-case word with a
    /// hyphen added, as a typesetter does; null when neither fits.
    /// </summary>
    private (string? Head, string? Remainder) Break(string line, string word, Func<string, double> width, double columnWidth)
    {
        var prefix = line.Length == 0 ? "" : line + " ";
        var hyphen = word.IndexOf('-', 1);
        if (hyphen > 0 && hyphen < word.Length - 1 && width(prefix + word[..(hyphen + 1)]) <= columnWidth)
        {
            CompoundLineEnds++;
            return (prefix + word[..(hyphen + 1)], word[(hyphen + 1)..]);
        }

        var letters = word.TakeWhile(char.IsLower).Count();
        if (letters < 8 || word.Contains('-', StringComparison.Ordinal))
        {
            return (null, null);
        }

        for (var split = letters - 3; split >= 3; split--)
        {
            if (width(prefix + word[..split] + "-") <= columnWidth)
            {
                HyphenatedLineEnds++;
                return (prefix + word[..split] + "-", word[split..]);
            }
        }

        return (null, null);
    }
}
