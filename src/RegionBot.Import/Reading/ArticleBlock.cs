namespace RegionBot.Import.Reading;

/// <summary>One heading or paragraph of an article, its text as the source gives it (line breaks already joined).</summary>
public sealed record ArticleBlock(ArticleBlockKind Kind, string Text);
