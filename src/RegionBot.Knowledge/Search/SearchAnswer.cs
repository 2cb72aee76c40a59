using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>A passage chosen for an answer, with its relevance.</summary>
/// <param name="Score">The ranking score (BM25 plus boosts); only comparable within one answer.</param>
/// <param name="Confidence">How much of the question the passage covers, from 0 to 1.</param>
public sealed record PassageHit(Passage Passage, float Score, float Confidence);

/// <summary>Why the knowledge gave no answer.</summary>
public enum NoAnswerReason
{
    /// <summary>The question has no searchable words (empty, whitespace, punctuation only).</summary>
    EmptyQuestion,

    /// <summary>The question is about a country or actor outside the knowledge.</summary>
    NotCovered,

    /// <summary>The best match covers too little of the question to be an answer.</summary>
    WeakMatch,
}

/// <summary>The result of one search: the best passages, or the reason there are none.</summary>
public sealed record SearchAnswer(
    string Question,
    IReadOnlyList<PassageHit> Hits,
    NoAnswerReason? NoAnswer,
    IReadOnlyList<string> CoveredCountries,
    IReadOnlyList<string> DetectedCountries)
{
    public bool HasAnswer => Hits.Count > 0;
}
