using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.Support;

/// <summary>Passes searches to the real store and remembers the questions it was asked.</summary>
public sealed class RecordingSearch(IPassageSearch inner) : IPassageSearch
{
    private readonly List<string> _questions = [];

    public IReadOnlyList<string> Questions => _questions;

    public SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default)
    {
        _questions.Add(question);
        return inner.Search(question, context, mode, cancellationToken);
    }
}
