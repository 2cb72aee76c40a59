namespace RegionBot.Knowledge.Semantic;

/// <summary>The semantic leg of the search, bound from the "RegionBot:Semantic" configuration section.</summary>
public sealed class SemanticOptions
{
    public const string SectionName = "RegionBot:Semantic";

    /// <summary>False: lexical search only, and no model is loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// ONNX Runtime threads per embedding. One suits a server: concurrent turns each embed on their own thread, and
    /// more threads per call only make them contend for the same cores (see the benchmarks).
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>How many question vectors are remembered (suggested actions repeat questions word for word).</summary>
    public int QueryCacheSize { get; set; } = 4096;

    /// <summary>Passages embedded per model call while building the vectors.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// At most this many changed passages are embedded before a reload swaps the new knowledge in; more are embedded
    /// in the background while the new knowledge answers lexically.
    /// </summary>
    public int MaxPassagesEmbeddedBeforeSwap { get; set; } = 256;
}
