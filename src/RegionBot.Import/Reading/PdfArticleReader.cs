using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace RegionBot.Import.Reading;

/// <summary>
/// Reads a PDF's text layer with PdfPig. Letters are put together into lines (a space where the gap between two
/// letters is wide and the PDF drew none), lines into blocks wherever the gap between lines widens or the font
/// changes, and a block's lines into one paragraph with hyphenation across line ends undone
/// (<see cref="Dehyphenation"/>). A block set in bold or in a larger size than the body text is a heading; the
/// first one, larger than every other, is the article's title.
/// </summary>
internal sealed class PdfArticleReader : IArticleReader
{
    /// <summary>A gap between lines this much wider than the usual line spacing ends a block.</summary>
    private const double BlockGapFactor = 1.4;

    /// <summary>A gap between letters wider than this share of the font size is a space the PDF did not draw.</summary>
    private const double WordGapFactor = 0.2;

    public ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var lines = new List<PdfLine>();
            var hasImages = false;
            foreach (var page in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                lines.AddRange(Lines(page));
                hasImages |= page.GetImages().Any();
            }

            if (lines.Count == 0)
            {
                throw new ImportException(hasImages
                    ? $"{displayName}: the PDF has no text layer, only images (a scanned document?); run it through OCR first, or import the article in another format"
                    : $"{displayName}: the PDF holds no text");
            }

            return Build(lines, pdf.Information.Title);
        }
        catch (Exception ex) when (ex is PdfDocumentEncryptedException)
        {
            throw new ImportException($"{displayName}: the PDF is encrypted; save an unprotected copy and import that");
        }
        catch (Exception ex) when (ex is not (ImportException or OperationCanceledException))
        {
            // A damaged or hostile file can fail anywhere inside the parser; whatever it throws, the file is unreadable.
            throw new ImportException($"{displayName}: not a readable PDF: {ex.Message}");
        }
    }

    private static ArticleDocument Build(List<PdfLine> lines, string? documentTitle)
    {
        var bodySize = lines.GroupBy(l => Math.Round(l.Size, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var spacing = UsualSpacing(lines, bodySize);
        var blocks = new List<List<PdfLine>>();
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            var sameBlock = previous is not null
                && previous.IsBold == line.IsBold
                && Math.Abs(previous.Size - line.Size) < 0.5
                && (previous.Page == line.Page
                    ? previous.Baseline - line.Baseline is var gap && gap > 0 && gap <= spacing * BlockGapFactor
                    : !EndsSentence(previous.Text));
            if (!sameBlock)
            {
                blocks.Add([]);
            }

            blocks[^1].Add(line);
            previous = line;
        }

        var dehyphenation = new Dehyphenation(lines.Select(l => l.Text));
        var result = new List<ArticleBlock>();
        string? title = null;
        foreach (var block in blocks)
        {
            var text = dehyphenation.Join(block.Select(l => l.Text).ToList());
            var size = block.Max(l => l.Size);
            var isHeading = block.All(l => l.IsBold) || size > bodySize * 1.15;
            if (title is null && result.Count == 0 && size > bodySize * 1.15)
            {
                title = text;
            }
            else
            {
                result.Add(new ArticleBlock(isHeading ? ArticleBlockKind.Heading : ArticleBlockKind.Paragraph, text));
            }
        }

        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        if (title is not null)
        {
            origin["title"] = "the first line, set larger than the text";
        }
        else if (!string.IsNullOrWhiteSpace(documentTitle))
        {
            title = documentTitle.Trim();
            origin["title"] = "the PDF's document information";
        }

        return new ArticleDocument(new ArticleMetadata(title, null, null, null) { Origin = origin }, result);
    }

    private static double UsualSpacing(List<PdfLine> lines, double bodySize)
    {
        var gaps = lines.Zip(lines.Skip(1))
            .Where(p => p.First.Page == p.Second.Page && Math.Abs(p.First.Size - bodySize) < 0.5 && Math.Abs(p.Second.Size - bodySize) < 0.5)
            .Select(p => p.First.Baseline - p.Second.Baseline)
            .Where(g => g > 0)
            .Order()
            .ToList();
        return gaps.Count == 0 ? bodySize * 1.2 : gaps[gaps.Count / 4];
    }

    private static bool EndsSentence(string line) => line.TrimEnd() is { Length: > 0 } t && ".!?\"”’".Contains(t[^1], StringComparison.Ordinal);

    private static IEnumerable<PdfLine> Lines(Page page)
    {
        var letters = new List<Letter>();
        foreach (var letter in page.Letters)
        {
            if (letters.Count > 0 && IsNewLine(letters[^1], letter))
            {
                if (PdfLine.From(page.Number, letters) is { } line)
                {
                    yield return line;
                }

                letters.Clear();
            }

            letters.Add(letter);
        }

        if (PdfLine.From(page.Number, letters) is { } last)
        {
            yield return last;
        }
    }

    private static bool IsNewLine(Letter previous, Letter next) =>
        Math.Abs(previous.StartBaseLine.Y - next.StartBaseLine.Y) > Math.Max(previous.PointSize, 1) * 0.5
        || next.StartBaseLine.X < previous.StartBaseLine.X - previous.PointSize;

    private sealed record PdfLine(int Page, string Text, double Baseline, double Size, bool IsBold)
    {
        public static PdfLine? From(int page, List<Letter> letters)
        {
            var text = new System.Text.StringBuilder();
            Letter? previous = null;
            foreach (var letter in letters)
            {
                if (previous is not null && !IsWhiteSpace(previous) && !IsWhiteSpace(letter)
                    && letter.StartBaseLine.X - previous.EndBaseLine.X > letter.PointSize * WordGapFactor)
                {
                    text.Append(' ');
                }

                text.Append(letter.Value);
                previous = letter;
            }

            var trimmed = text.ToString().Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            var visible = letters.Where(l => !IsWhiteSpace(l)).ToList();
            var bold = visible.All(l => l.FontDetails?.IsBold == true || l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true);
            return new PdfLine(page, trimmed, letters[0].StartBaseLine.Y, visible.Max(l => l.PointSize), bold);
        }

        private static bool IsWhiteSpace(Letter letter) => string.IsNullOrWhiteSpace(letter.Value);
    }
}
