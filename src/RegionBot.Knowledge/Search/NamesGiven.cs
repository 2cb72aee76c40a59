namespace RegionBot.Knowledge.Search;

/// <summary>
/// The names a question gives, read as the index reads words, so that a passage's "Daech" is known as the question's
/// "Daesh" or "ISIS" when the lexicon makes them one.
/// </summary>
/// <param name="setsAside">
/// Whether the question says what it sets aside ("apart from the Taliban"). Without it, "which other groups" means
/// others than those the passage itself sets aside ("other groups besides Daech and Al Qaeda").
/// </param>
internal sealed class NamesGiven(IReadOnlySet<string> terms, Func<string, IReadOnlyList<string>> analyze, bool setsAside)
{
    /// <summary>Whether the question says what it sets aside ("besides ISIS", "apart from the Taliban").</summary>
    public bool SetsAside => setsAside;

    /// <summary>
    /// Whether the question gives this word of a passage, or a word the lexicon makes one with it. A word the analyzer
    /// drops ("The" opening a clause mid-sentence) names nothing, so it counts as given.
    /// </summary>
    public bool Contains(string word) => analyze(word) is not { Count: > 0 } analysed || analysed.All(terms.Contains);
}
