namespace RegionBot.Import.Reading;

/// <summary>What a block of an article is: a heading that may start a section, or a paragraph of its text.</summary>
public enum ArticleBlockKind
{
    Heading,
    Paragraph,
}

/// <summary>One heading or paragraph of an article, its text as the source gives it (line breaks already joined).</summary>
public sealed record ArticleBlock(ArticleBlockKind Kind, string Text);
