namespace RegionBot.Knowledge.Search;

/// <summary>Which legs a search runs: both (the bot), or one alone (the evaluation compares them).</summary>
internal enum SearchMode
{
    Hybrid,
    Lexical,
    Semantic,
}
