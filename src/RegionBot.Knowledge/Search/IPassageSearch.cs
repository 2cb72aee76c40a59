namespace RegionBot.Knowledge.Search;

/// <summary>Finds the passages that answer a question, or says that the knowledge has no answer.</summary>
public interface IPassageSearch
{
    /// <summary>
    /// Searches the knowledge, completing a follow-up question from <paramref name="context"/> when given. Any text
    /// is accepted; nothing a user types makes this throw.
    /// </summary>
    SearchAnswer Search(string question, SearchContext? context, CancellationToken cancellationToken = default);
}

public static class PassageSearchExtensions
{
    /// <summary>Searches for a question that stands on its own, outside any conversation.</summary>
    public static SearchAnswer Search(this IPassageSearch search, string question, CancellationToken cancellationToken = default) =>
        search.Search(question, null, cancellationToken);
}
