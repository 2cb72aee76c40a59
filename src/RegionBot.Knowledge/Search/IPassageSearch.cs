namespace RegionBot.Knowledge.Search;

/// <summary>Finds the passages that answer a question, or says that the knowledge has no answer.</summary>
public interface IPassageSearch
{
    /// <summary>
    /// Searches the knowledge with the legs <paramref name="mode"/> names, completing a follow-up question from
    /// <paramref name="context"/> when given. Any text is accepted; nothing a user types makes this throw.
    /// </summary>
    SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default);
}

public static class PassageSearchExtensions
{
    /// <summary>Searches a user's question with both legs (<see cref="SearchMode.Hybrid"/>).</summary>
    public static SearchAnswer Search(this IPassageSearch search, string question, SearchContext? context, CancellationToken cancellationToken = default) =>
        search.Search(question, context, SearchMode.Hybrid, cancellationToken);

    /// <summary>Searches for a question that stands on its own, outside any conversation, with both legs.</summary>
    public static SearchAnswer Search(this IPassageSearch search, string question, CancellationToken cancellationToken = default) =>
        search.Search(question, null, SearchMode.Hybrid, cancellationToken);
}
