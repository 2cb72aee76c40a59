namespace RegionBot.Knowledge.Search;

/// <summary>Finds the passages that answer a question, or says that the knowledge has no answer.</summary>
public interface IPassageSearch
{
    /// <summary>Searches the knowledge. Any text is accepted; nothing a user types makes this throw.</summary>
    SearchAnswer Search(string question, CancellationToken cancellationToken = default);
}
