namespace RegionBot.Knowledge.Search;

/// <summary>Which legs a search runs.</summary>
public enum SearchMode
{
    /// <summary>Both legs, the semantic one only when the lexical answer is not already certain: a user's question.</summary>
    Hybrid,

    /// <summary>
    /// The lexical leg alone, which never runs the model: for a turn's secondary searches (checking follow-up
    /// suggestions, per-country and per-subject answers). The fused confidence is never below the lexical one, so a
    /// passage confident here is confident in the hybrid search of the same question too.
    /// </summary>
    Lexical,

    /// <summary>The semantic leg alone, for the evaluation's comparison of the legs.</summary>
    Semantic,
}
