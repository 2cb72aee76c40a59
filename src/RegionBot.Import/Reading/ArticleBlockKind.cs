namespace RegionBot.Import.Reading;

/// <summary>What a block of an article is: a heading that may start a section, or a paragraph of its text.</summary>
public enum ArticleBlockKind
{
    Heading,
    Paragraph,
}
