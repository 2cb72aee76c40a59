using RegionBot.Import.Drafting;

namespace RegionBot.Import;

/// <summary>What importing one article produced: the draft, where it went, what to review, and how it compares.</summary>
/// <param name="Comparison">Agreement with the reviewed file this import replaces; null for a new article.</param>
/// <param name="KeptIds">How many passage ids were kept from the replaced file.</param>
public sealed record ImportOutcome(
    string DraftPath,
    string Text,
    KnowledgeDraft Draft,
    IReadOnlyList<ReviewItem> Review,
    ImportComparison? Comparison,
    int KeptIds,
    bool Written);
