namespace RegionBot.Import.Reading;

/// <summary>Reads one file format into headings and paragraphs; throws <see cref="ImportException"/> when it cannot.</summary>
internal interface IArticleReader
{
    ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken);
}
