using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.TestSupport;

/// <summary>The real knowledge store over the repository's knowledge/ folder, opened once per test class.</summary>
public sealed class SharedKnowledge : IDisposable
{
    public SharedKnowledge()
    {
        Options = new SearchOptions();
        Store = KnowledgeStore.Open(RepositoryRoot.Knowledge, Options);
    }

    public SearchOptions Options { get; }

    public KnowledgeStore Store { get; }

    public void Dispose() => Store.Dispose();
}

/// <summary>Passes searches to the real store and remembers the questions it was asked.</summary>
public sealed class RecordingSearch(IPassageSearch inner) : IPassageSearch
{
    private readonly List<string> _questions = [];

    public IReadOnlyList<string> Questions => _questions;

    public SearchAnswer Search(string question, CancellationToken cancellationToken = default)
    {
        _questions.Add(question);
        return inner.Search(question, cancellationToken);
    }
}
