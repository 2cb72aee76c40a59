using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Structure;

/// <summary>What the detector decided about a paragraph: its kind, its speaker, and how it came to that.</summary>
/// <param name="Evidence">The words the speaker was read from ("the Tajik leader", "he"), for the review.</param>
/// <param name="Doubt">What it could not decide, for the review; null when nothing is in doubt.</param>
public sealed record Attribution(PassageKind Kind, Person? Speaker, string? Evidence, string? Doubt)
{
    public static Attribution Context(string? doubt = null) => new(PassageKind.Context, null, null, doubt);
}
