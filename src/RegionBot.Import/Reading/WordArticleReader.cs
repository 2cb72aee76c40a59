using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RegionBot.Import.Reading;

/// <summary>
/// Reads a Word document with the Open XML SDK: a paragraph in a heading style (or with an outline level) is a
/// heading, one in the Title style is the article's title, every other paragraph with text is a paragraph.
/// </summary>
internal sealed class WordArticleReader : IArticleReader
{
    public ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart ?? throw new ImportException($"{displayName}: the Word document has no body");
            var styles = StyleNames(main);
            var blocks = new List<ArticleBlock>();
            var origin = new Dictionary<string, string>(StringComparer.Ordinal);
            string? title = null;
            foreach (var paragraph in main.Document?.Body?.Descendants<Paragraph>() ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ParagraphText(paragraph).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                var style = StyleOf(paragraph, styles);
                if (title is null && blocks.Count == 0 && string.Equals(style, "title", StringComparison.OrdinalIgnoreCase))
                {
                    title = text;
                    origin["title"] = "the paragraph in the Title style";
                }
                else
                {
                    blocks.Add(new ArticleBlock(IsHeading(paragraph, style) ? ArticleBlockKind.Heading : ArticleBlockKind.Paragraph, text));
                }
            }

            if (title is null && !string.IsNullOrWhiteSpace(document.PackageProperties.Title))
            {
                title = document.PackageProperties.Title.Trim();
                origin["title"] = "the document's properties";
            }

            return new ArticleDocument(new ArticleMetadata(title, null, null, null) { Origin = origin }, blocks);
        }
        catch (Exception ex) when (ex is not (ImportException or OperationCanceledException))
        {
            // A damaged or hostile package can fail anywhere inside the SDK; whatever it throws, the file is unreadable.
            throw new ImportException($"{displayName}: not a readable Word document (.docx): {ex.Message}");
        }
    }

    private static Dictionary<string, string> StyleNames(MainDocumentPart main)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                names[id] = style.StyleName?.Val?.Value ?? id;
            }
        }

        return names;
    }

    private static string? StyleOf(Paragraph paragraph, Dictionary<string, string> styles)
    {
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return id is null ? null : styles.GetValueOrDefault(id, id);
    }

    private static bool IsHeading(Paragraph paragraph, string? style) =>
        (style is not null && style.StartsWith("heading", StringComparison.OrdinalIgnoreCase))
        || paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is < 9;

    private static string ParagraphText(OpenXmlElement root)
    {
        var text = new StringBuilder();
        foreach (var element in root.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
            }
        }

        return text.ToString();
    }
}
