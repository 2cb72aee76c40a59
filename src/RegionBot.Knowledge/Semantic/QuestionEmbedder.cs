namespace RegionBot.Knowledge.Semantic;

/// <summary>Embeds questions through a bounded cache of recent ones.</summary>
internal sealed class QuestionEmbedder(ITextEmbedder embedder, int cacheSize)
{
    private readonly QueryVectorCache cache = new(cacheSize);

    public ITextEmbedder Embedder => embedder;

    public int Dimensions => embedder.Dimensions;

    /// <summary>The question's vector; <paramref name="cached"/> says whether it came from the cache.</summary>
    public float[] Embed(string question, CancellationToken cancellationToken, out bool cached)
    {
        var text = MiniLmEmbedder.Prepare(question);
        if (cache.TryGet(text, out var vector))
        {
            cached = true;
            return vector;
        }

        vector = embedder.Embed([text], cancellationToken)[0];
        cache.Add(text, vector);
        cached = false;
        return vector;
    }
}
