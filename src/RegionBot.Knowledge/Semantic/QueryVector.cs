namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// The vector of the text a search would embed. When a core is free, the model starts on it at once, on a pool
/// thread, so that it runs while the lexical leg decides whether the semantic leg is needed at all; otherwise it is
/// computed only when asked for. Starting early costs a core for the model's time when the lexical answer turns out
/// certain, which is why it is done only when no search or other early embedding holds that core.
/// </summary>
internal sealed class QueryVector
{
    private readonly QuestionEmbedder embedder;
    private readonly Task<float[]>? early;

    private QueryVector(QuestionEmbedder embedder, string text, Task<float[]>? early)
    {
        this.embedder = embedder;
        Text = text;
        this.early = early;
    }

    public string Text { get; }

    /// <summary>Whether the model started on the text before the vector was asked for.</summary>
    public bool StartedEarly => early is not null;

    /// <param name="startEarly">Whether to start now if a core is free (the search may still use the vector).</param>
    public static QueryVector For(QuestionEmbedder embedder, string text, bool startEarly, CancellationToken cancellationToken)
    {
        if (!startEarly || !embedder.HasFreeCore)
        {
            return new QueryVector(embedder, text, null);
        }

        var core = embedder.UseCore();
        var early = Task.Run(
            () =>
            {
                using (core)
                {
                    return embedder.Embed(text, cancellationToken, out _);
                }
            },
            CancellationToken.None);

        // A vector never asked for (the lexical answer was certain) may still have failed; its failure is observed here
        // so that it is not reported as an unobserved task exception.
        _ = early.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new QueryVector(embedder, text, early);
    }

    /// <summary>The vector: the one started early, or computed now.</summary>
    public float[] Get(CancellationToken cancellationToken)
    {
        if (early is null)
        {
            return embedder.Embed(Text, cancellationToken, out _);
        }

        return early.WaitAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
