namespace RegionBot.Import.Reading;

/// <summary>An article as read from one file: its metadata and its headings and paragraphs in reading order.</summary>
public sealed record ArticleDocument(ArticleMetadata Metadata, IReadOnlyList<ArticleBlock> Blocks);
