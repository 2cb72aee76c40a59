namespace RegionBot.Knowledge.Semantic;

/// <summary>Embeds questions through a bounded cache of recent ones.</summary>
internal sealed class QuestionEmbedder(ITextEmbedder embedder, int cacheSize)
{
    private readonly QueryVectorCache cache = new(cacheSize);
    private long embedded;
    private long cacheHits;

    private long legRuns;
    private int coresInUse;

    /// <summary>Searches that ran the semantic leg.</summary>
    public long LegRuns => Interlocked.Read(ref legRuns);

    public void CountLegRun() => Interlocked.Increment(ref legRuns);

    /// <summary>Whether a core is left for the model by the searches and early embeddings in progress (<see cref="UseCore"/>).</summary>
    public bool HasFreeCore => Volatile.Read(ref coresInUse) < Environment.ProcessorCount;

    /// <summary>Counts a core as taken, by a search or an embedding started early, until the returned scope is disposed.</summary>
    public CoreInUse UseCore()
    {
        Interlocked.Increment(ref coresInUse);
        return new CoreInUse(this);
    }

    /// <summary>Questions the model embedded (cache misses).</summary>
    public long Embedded => Interlocked.Read(ref embedded);

    /// <summary>Questions whose vector came from the cache.</summary>
    public long CacheHits => Interlocked.Read(ref cacheHits);

    public ITextEmbedder Embedder => embedder;

    public int Dimensions => embedder.Dimensions;

    /// <summary>The question's vector; <paramref name="cached"/> says whether it came from the cache.</summary>
    public float[] Embed(string question, CancellationToken cancellationToken, out bool cached)
    {
        var text = MiniLmEmbedder.Prepare(question);
        if (cache.TryGet(text, out var vector))
        {
            cached = true;
            Interlocked.Increment(ref cacheHits);
            return vector;
        }

        vector = embedder.Embed([text], cancellationToken)[0];
        cache.Add(text, vector);
        Interlocked.Increment(ref embedded);
        cached = false;
        return vector;
    }

    /// <summary>A core taken by a search or an early embedding, counted until disposed.</summary>
    internal readonly struct CoreInUse(QuestionEmbedder embedder) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref embedder.coresInUse);
    }
}
