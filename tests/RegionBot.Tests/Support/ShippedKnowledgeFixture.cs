using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.Support;

/// <summary>One real store over the shipped knowledge folder, shared by the tests of a class.</summary>
public sealed class ShippedKnowledgeFixture : IDisposable
{
    public KnowledgeStore Store { get; } = KnowledgeStore.Open(RepositoryRoot.Knowledge, new SearchOptions());

    public void Dispose() => Store.Dispose();
}
