using RegionBot.Import.Reading;

namespace RegionBot.Import.Drafting;

/// <summary>A knowledge file made from an article, not yet written: its front matter and its sections.</summary>
/// <param name="Notes">What was guessed about the source as a whole (title, publisher), for the review.</param>
public sealed record KnowledgeDraft(string SourceId, string SourceFile, ArticleMetadata Metadata, string Publisher, string Title, IReadOnlyList<DraftSection> Sections, IReadOnlyList<string> Notes)
{
    public IEnumerable<DraftPassage> Passages => Sections.SelectMany(s => s.Passages);
}
