namespace RegionBot.Import.Reading;

/// <summary>
/// Reads plain text: paragraphs are separated by blank lines (lines inside one are joined), and a short title-like
/// paragraph of one line is a heading.
/// </summary>
internal sealed class PlainTextReader : IArticleReader
{
    public ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken)
    {
        var text = Utf8Text.Decode(displayName, bytes);
        return new ArticleDocument(ArticleMetadata.None, Split(text));
    }

    /// <summary>Splits text into blocks; used for plain text and for text layers without structure of their own.</summary>
    public static List<ArticleBlock> Split(string text)
    {
        var blocks = new List<ArticleBlock>();
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush(lines, blocks);
            }
            else
            {
                lines.Add(line.Trim());
            }
        }

        Flush(lines, blocks);
        return blocks;
    }

    private static void Flush(List<string> lines, List<ArticleBlock> blocks)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var kind = lines.Count == 1 && TitleLikeLine.IsTitleLike(lines[0]) ? ArticleBlockKind.Heading : ArticleBlockKind.Paragraph;
        blocks.Add(new ArticleBlock(kind, string.Join(' ', lines)));
        lines.Clear();
    }
}
