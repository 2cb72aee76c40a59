namespace RegionBot.Import.Drafting;

/// <summary>A section of a draft: the article's heading, the guessed country and why, and its passages.</summary>
public sealed record DraftSection(string Heading, string Country, string CountryReason, IReadOnlyList<DraftPassage> Passages);
