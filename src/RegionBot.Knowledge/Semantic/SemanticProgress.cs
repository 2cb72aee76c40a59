namespace RegionBot.Knowledge.Semantic;

/// <summary>How far the passage vectors are: the search is hybrid once they are all there, lexical until then.</summary>
/// <param name="Enabled">False when the semantic leg is switched off (<see cref="SemanticOptions.Enabled"/>).</param>
/// <param name="Ready">True when every passage has its vector and searches use them.</param>
/// <param name="Embedded">Passages with a vector so far, reused or newly computed.</param>
/// <param name="Total">Passages in the knowledge.</param>
/// <param name="Reused">Vectors taken from a stored vector file rather than computed.</param>
/// <param name="Error">Why the vectors could not be computed, when they could not; the search stays lexical.</param>
public sealed record SemanticProgress(bool Enabled, bool Ready, int Embedded, int Total, int Reused = 0, string? Error = null)
{
    public static SemanticProgress Disabled(int total) => new(false, false, 0, total);

    /// <summary>Searches since the store opened.</summary>
    public long Searches { get; init; }

    /// <summary>Searches that ran the semantic leg (the others were certain lexically, or ran before the vectors were ready).</summary>
    public long SemanticSearches { get; init; }

    /// <summary>Questions whose vector was computed, and those taken from the cache of recent questions.</summary>
    public long QuestionsEmbedded { get; init; }

    public long QuestionCacheHits { get; init; }
}
