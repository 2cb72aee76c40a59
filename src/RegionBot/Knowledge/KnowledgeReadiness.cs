namespace RegionBot.Knowledge;

/// <summary>
/// Tells whether the knowledge store has been loaded, without loading it, so the health endpoint can answer
/// honestly while the application is still starting.
/// </summary>
public sealed class KnowledgeReadiness
{
    private volatile KnowledgeStore? _store;

    /// <summary>The loaded store, or null while it is still loading.</summary>
    public KnowledgeStore? Store => _store;

    internal void MarkLoaded(KnowledgeStore store) => _store = store;
}
