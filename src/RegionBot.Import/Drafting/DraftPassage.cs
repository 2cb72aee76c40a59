using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Drafting;

/// <summary>One paragraph of a draft, as it will be written, with the notes the review prints for it.</summary>
/// <param name="IdKept">True when the id was kept from the file this draft replaces.</param>
public sealed record DraftPassage(string Id, PassageKind Kind, string? Speaker, string? Role, string Text, string? Note, bool IdKept);
