namespace RegionBot.Knowledge.Semantic;

/// <summary>Embeds questions through a bounded cache of recent ones.</summary>
internal sealed class QuestionEmbedder(ITextEmbedder embedder, int cacheSize)
{
    private readonly QueryVectorCache cache = new(cacheSize);
    private long embedded;
    private long cacheHits;

    private long legRuns;

    /// <summary>Searches that ran the semantic leg.</summary>
    public long LegRuns => Interlocked.Read(ref legRuns);

    public void CountLegRun() => Interlocked.Increment(ref legRuns);

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
}
