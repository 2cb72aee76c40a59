namespace RegionBot.Import.Drafting;

/// <summary>One guess for the reviewer to check: where in the draft it stands, and what was guessed and why.</summary>
public sealed record ReviewItem(int Line, string Message);
