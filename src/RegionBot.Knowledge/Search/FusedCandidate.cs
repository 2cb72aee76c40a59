using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>One passage as both legs saw it, with the fused ranking score and confidence.</summary>
/// <param name="LexicalRank">1 is the lexical leg's best; null when it did not find the passage.</param>
/// <param name="LexicalConfidence">The share of the question the passage covers word for word (0 when not found).</param>
/// <param name="SemanticRank">1 is the semantic leg's best; null when it did not find the passage (or did not run).</param>
/// <param name="Confidence">The fused confidence, compared with <see cref="SearchOptions.MinConfidence"/>.</param>
/// <param name="Score">The fused ranking score; only comparable within one search.</param>
internal sealed record FusedCandidate(
    Passage Passage,
    int? LexicalRank,
    float LexicalScore,
    float LexicalConfidence,
    int? SemanticRank,
    float Cosine,
    float Confidence,
    float Score)
{
    /// <summary>How well the passage fits the shape of answer asked for (<see cref="PassageHit.Preference"/>).</summary>
    public float Preference { get; init; } = 1f;

    /// <summary>Whether the passage gives the reason a "why" question asks for (<see cref="PassageHit.GivesReasonAsked"/>).</summary>
    public bool GivesReasonAsked { get; init; }
}
