using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// The passage vectors of one version of the knowledge, kept in its index folder and keyed by the same content hash.
/// A stored file that matches the knowledge is adopted after its checksum, header and passages are verified; anything
/// else is rebuilt, reusing every vector whose passage id and text are unchanged (from the file itself, the version
/// being replaced, or an older version's folder), so a changed source re-embeds only its own passages. Few missing
/// vectors are computed at once; many (first start, 100k passages) in the background, while the search stays lexical.
/// </summary>
internal sealed class SemanticIndex : IDisposable
{
    private const int OlderFoldersSearched = 3;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private readonly KnowledgeBase knowledge;
    private readonly ITextEmbedder embedder;
    private readonly ILogger logger;
    private readonly string path;
    private readonly string[] textHashes;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile PassageVectors? ready;
    private volatile string? error;
    private int embedded;
    private int reused;

    private SemanticIndex(KnowledgeBase knowledge, string folder, ITextEmbedder embedder, ILogger logger)
    {
        this.knowledge = knowledge;
        this.embedder = embedder;
        this.logger = logger;
        path = Path.Combine(folder, VectorFile.FileName);
        textHashes = knowledge.Passages.Select(p => VectorFile.HashText(PassageText.Of(p))).ToArray();
    }

    /// <summary>Every passage's vector once all are there; null while they are being computed (or could not be).</summary>
    public PassageVectors? Vectors => ready;

    /// <summary>Completes when the vectors are ready or have failed; for tests and benchmarks that wait for hybrid search.</summary>
    public Task Completion => completion.Task;

    /// <summary>True when the stored file was adopted as it stood.</summary>
    public bool Adopted { get; private set; }

    public SemanticProgress Progress => new(true, ready is not null, Volatile.Read(ref embedded), knowledge.Passages.Count, Volatile.Read(ref reused), error);

    /// <summary>Opens the vectors stored in <paramref name="folder"/>, or starts computing what is missing.</summary>
    /// <param name="previous">The version being replaced, whose unchanged passages' vectors are reused.</param>
    public static SemanticIndex Open(KnowledgeBase knowledge, string folder, ITextEmbedder embedder, SemanticOptions options, SemanticIndex? previous, ILogger logger)
    {
        var index = new SemanticIndex(knowledge, folder, embedder, logger);
        index.Start(options, previous);
        return index;
    }

    /// <summary>Stops computing vectors; a snapshot being retired no longer needs them.</summary>
    public void Dispose()
    {
        stop.Cancel();
    }

    private void Start(SemanticOptions options, SemanticIndex? previous)
    {
        var stored = VectorFile.TryRead(path);
        if (stored is not null && Matches(stored))
        {
            Adopted = true;
            // The vectors needed no model: it is loaded when the host asks (KnowledgeStore.WarmUp, once the app has
            // started), or by the first search by meaning.
            Finish(stored.Vectors, stored.Ids.Length, reusedCount: stored.Ids.Length);
            return;
        }

        if (File.Exists(path))
        {
            logger.LogWarning("The passage vectors in {VectorFile} are corrupt, of an older format or of other knowledge; rebuilding them", path);
        }

        var vectors = new PassageVectors(knowledge.Passages.Count, embedder.Dimensions);
        var missing = Reuse(vectors, stored, previous);
        Volatile.Write(ref reused, knowledge.Passages.Count - missing.Count);
        Volatile.Write(ref embedded, knowledge.Passages.Count - missing.Count);
        if (missing.Count <= options.MaxPassagesEmbeddedBeforeSwap)
        {
            Build(vectors, missing, options.BatchSize);
            return;
        }

        logger.LogInformation(
            "Computing {MissingCount} passage vectors in the background ({ReusedCount} reused); answering lexically until they are ready",
            missing.Count,
            reused);
        _ = Task.Run(() => Build(vectors, missing, options.BatchSize));
    }

    private bool Matches(VectorFile.Contents stored) =>
        stored.Model == embedder.Model
        && stored.Dimensions == embedder.Dimensions
        && stored.ContentHash == knowledge.ContentHash
        && stored.Ids.Length == knowledge.Passages.Count
        && Enumerable.Range(0, stored.Ids.Length).All(i =>
            string.Equals(stored.Ids[i], knowledge.Passages[i].Id, StringComparison.Ordinal)
            && string.Equals(stored.TextHashes[i], textHashes[i], StringComparison.Ordinal));

    /// <summary>Fills every row whose passage id and text hash some earlier vectors share; returns the rows left to compute.</summary>
    private List<int> Reuse(PassageVectors vectors, VectorFile.Contents? stored, SemanticIndex? previous)
    {
        var sources = new List<(string[] Ids, string[] Hashes, PassageVectors Vectors)>();
        if (previous?.ready is { } previousVectors)
        {
            sources.Add((previous.knowledge.Passages.Select(p => p.Id).ToArray(), previous.textHashes, previousVectors));
        }

        foreach (var older in OlderFiles(stored))
        {
            sources.Add((older.Ids, older.TextHashes, older.Vectors));
        }

        var known = new Dictionary<(string, string), (int Source, int Row)>();
        for (var source = sources.Count - 1; source >= 0; source--)
        {
            for (var row = 0; row < sources[source].Ids.Length; row++)
            {
                known[(sources[source].Ids[row], sources[source].Hashes[row])] = (source, row);
            }
        }

        var missing = new List<int>();
        for (var ordinal = 0; ordinal < knowledge.Passages.Count; ordinal++)
        {
            if (known.TryGetValue((knowledge.Passages[ordinal].Id, textHashes[ordinal]), out var at))
            {
                vectors.CopyRow(ordinal, sources[at.Source].Vectors, at.Row);
            }
            else
            {
                missing.Add(ordinal);
            }
        }

        return missing;
    }

    /// <summary>
    /// Vector files worth reusing from: this folder's own (its checksum held, but it is of another version), then
    /// the newest other versions' folders beside it, by the same model.
    /// </summary>
    private IEnumerable<VectorFile.Contents> OlderFiles(VectorFile.Contents? stored)
    {
        if (stored is not null && stored.Model == embedder.Model && stored.Dimensions == embedder.Dimensions)
        {
            yield return stored;
        }

        var folder = Path.GetDirectoryName(path)!;
        var root = Path.GetDirectoryName(folder);
        if (root is null || !Directory.Exists(root))
        {
            yield break;
        }

        var others = new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !string.Equals(d.FullName, folder, StringComparison.Ordinal) && File.Exists(Path.Combine(d.FullName, VectorFile.FileName)))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Take(OlderFoldersSearched);
        foreach (var other in others)
        {
            if (VectorFile.TryRead(Path.Combine(other.FullName, VectorFile.FileName)) is { } contents
                && contents.Model == embedder.Model && contents.Dimensions == embedder.Dimensions)
            {
                yield return contents;
            }
        }
    }

    private void Build(PassageVectors vectors, List<int> missing, int batchSize)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;

            // Passages of about the same length go together, so a batch pads little.
            var order = missing.OrderBy(o => knowledge.Passages[o].Text.Length).ToArray();
            foreach (var batch in order.Chunk(Math.Max(1, batchSize)))
            {
                stop.Token.ThrowIfCancellationRequested();
                var computed = embedder.Embed(batch.Select(o => PassageText.Of(knowledge.Passages[o])).ToArray(), stop.Token);
                for (var i = 0; i < batch.Length; i++)
                {
                    vectors.Set(batch[i], computed[i]);
                }

                var done = Interlocked.Add(ref embedded, batch.Length);
                if (clock.Elapsed - lastReport >= ProgressInterval)
                {
                    lastReport = clock.Elapsed;
                    logger.LogInformation("Passage vectors: {Embedded} of {Total} ready", done, knowledge.Passages.Count);
                }
            }

            VectorFile.Write(path, new VectorFile.Contents(
                embedder.Model,
                embedder.Dimensions,
                knowledge.ContentHash,
                knowledge.Passages.Select(p => p.Id).ToArray(),
                textHashes,
                vectors));
            if (missing.Count > 0)
            {
                logger.LogInformation(
                    "Passage vectors ready: {Computed} computed in {Seconds:0.0} s ({PerSecond:0} passages/s), {Reused} reused; search is hybrid",
                    missing.Count,
                    clock.Elapsed.TotalSeconds,
                    missing.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3),
                    reused);
            }

            Finish(vectors, knowledge.Passages.Count, reused);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            completion.TrySetCanceled();
        }
        catch (Exception ex)
        {
            // The search stays lexical rather than fail: the vectors only ever add to it.
            error = ex.Message;
            logger.LogError(ex, "The passage vectors could not be computed; the search stays lexical");
            completion.TrySetResult();
        }
    }

    private void Finish(PassageVectors vectors, int count, int reusedCount)
    {
        // Each country's rows together, so that a question about one country reads its rows as one stream.
        vectors.Arrange(knowledge.OrdinalsByCountry.SelectMany(country => country).ToArray());
        Volatile.Write(ref embedded, count);
        Volatile.Write(ref reused, reusedCount);
        ready = vectors;
        completion.TrySetResult();
    }
}
