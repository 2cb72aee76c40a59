namespace RegionBot.Import.Reading;

/// <summary>
/// What the source itself says about the article. Each value is null when the source does not give it; nothing here
/// is ever invented, and <see cref="Origin"/> says where each value was found, for the review.
/// </summary>
public sealed record ArticleMetadata(string? Title, string? Publisher, string? Date, string? Url)
{
    public static ArticleMetadata None { get; } = new(null, null, null, null);

    /// <summary>Where each value was found ("og:title", "JSON-LD NewsArticle", "Source: line"), by field name.</summary>
    public IReadOnlyDictionary<string, string> Origin { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
