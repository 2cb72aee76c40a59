namespace RegionBot.Knowledge.Search;

/// <summary>RegionBot's own settings, bound from the "RegionBot" configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "RegionBot";

    /// <summary>The knowledge folder; a relative path is resolved against the application's content root.</summary>
    public string KnowledgePath { get; set; } = "knowledge";

    /// <summary>
    /// Where the on-disk index is kept, one folder per version of the knowledge. Empty: under the user's local
    /// application data, outside the source tree.
    /// </summary>
    public string IndexPath { get; set; } = string.Empty;

    /// <summary>The most passages one answer holds.</summary>
    public int PassagesPerAnswer { get; set; } = 3;

    /// <summary>The share of the question (weighted by word rarity) the best passage must cover to count as an answer.</summary>
    public double MinConfidence { get; set; } = 0.5;
}
