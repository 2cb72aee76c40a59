using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Knowledge;

/// <summary>A reload that failed: when, and every problem of the knowledge, by file and line.</summary>
public sealed record KnowledgeLoadError(DateTimeOffset At, IReadOnlyList<KnowledgeProblem> Problems);

/// <summary>What the loaded knowledge holds, for health checks and status pages.</summary>
public sealed record KnowledgeStatus(int Passages, int Sources, DateTimeOffset LoadedAt, IReadOnlyList<string> CoveredCountries)
{
    /// <summary>The hash of the knowledge files being served.</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>True when the index was found on disk rather than built at load.</summary>
    public bool IndexReused { get; init; }

    /// <summary>The folder of the index being searched.</summary>
    public string IndexFolder { get; init; } = string.Empty;

    /// <summary>The last reload's problems while the previous knowledge keeps serving; null after a successful load.</summary>
    public KnowledgeLoadError? LastError { get; init; }

    /// <summary>How far the passage vectors are: the search is hybrid once they are ready, lexical until then.</summary>
    public SemanticProgress Semantic { get; init; } = SemanticProgress.Disabled(0);
}

/// <summary>The outcome of <see cref="KnowledgeStore.Reload"/>.</summary>
/// <param name="Changed">True when new knowledge was swapped in.</param>
/// <param name="Problems">Why the knowledge on disk was refused; empty when it was valid.</param>
public sealed record KnowledgeReloadResult(bool Changed, IReadOnlyList<KnowledgeProblem> Problems);

/// <summary>
/// Owns the loaded knowledge and its search index for the application's lifetime. A reload builds a new index beside
/// the one in use and swaps it in atomically: each search runs wholly on one version, and the old version is released
/// only when its last search has finished.
/// </summary>
public sealed class KnowledgeStore : IPassageSearch, IDisposable
{
    private readonly SearchOptions options;
    private readonly IndexStorage storage;
    private readonly ILogger logger;
    private readonly QuestionEmbedder? questions;
    private readonly SemanticOptions semanticOptions;
    private readonly Lock reloading = new();
    private volatile KnowledgeSnapshot current;
    private volatile KnowledgeStatus status;
    private volatile bool disposed;
    private long searches;

    private KnowledgeStore(string knowledgeDirectory, SearchOptions options, IndexStorage storage, KnowledgeSnapshot snapshot, ILogger logger, QuestionEmbedder? questions, SemanticOptions semanticOptions)
    {
        this.questions = questions;
        this.semanticOptions = semanticOptions;
        KnowledgeDirectory = knowledgeDirectory;
        this.options = options;
        this.storage = storage;
        this.logger = logger;
        current = snapshot;
        status = snapshot.Status(null);
    }

    /// <summary>The full path of the knowledge folder this store serves.</summary>
    public string KnowledgeDirectory { get; }

    public KnowledgeBase Knowledge => current.Knowledge;

    public KnowledgeStatus Status => status with
    {
        Semantic = current.SemanticProgress with
        {
            Searches = Interlocked.Read(ref searches),
            SemanticSearches = questions?.LegRuns ?? 0,
            QuestionsEmbedded = questions?.Embedded ?? 0,
            QuestionCacheHits = questions?.CacheHits ?? 0,
        },
    };

    /// <summary>Completes when the current knowledge's passage vectors are ready (or failed): from then on the search is hybrid.</summary>
    public Task SemanticReady => current.Semantic?.Completion ?? Task.CompletedTask;

    /// <summary>
    /// Loads and validates the knowledge folder and opens its index: the one stored on disk when it matches the
    /// knowledge, otherwise a newly built one.
    /// </summary>
    /// <exception cref="KnowledgeValidationException">The folder has problems; each names its file and line.</exception>
    /// <param name="semantic">The semantic leg's settings; null means the defaults (on).</param>
    public static KnowledgeStore Open(string knowledgeDirectory, SearchOptions options, ILogger? logger = null, SemanticOptions? semantic = null) =>
        Open(knowledgeDirectory, options, logger, semantic, embedder: null);

    /// <param name="embedder">The model to embed with; null means the shared all-MiniLM-L6-v2 embedder.</param>
    internal static KnowledgeStore Open(string knowledgeDirectory, SearchOptions options, ILogger? logger, SemanticOptions? semantic, ITextEmbedder? embedder)
    {
        logger ??= NullLogger.Instance;
        semantic ??= new SemanticOptions();
        var directory = Path.GetFullPath(knowledgeDirectory);
        var result = KnowledgeLoader.Load(directory);
        if (!result.IsValid)
        {
            throw new KnowledgeValidationException(result.Problems);
        }

        var root = string.IsNullOrWhiteSpace(options.IndexPath) ? IndexStorage.DefaultRoot(directory) : Path.GetFullPath(options.IndexPath);
        var storage = new IndexStorage(root, logger);
        storage.RemoveAbandonedBuilds();
        var questions = semantic.Enabled ? new QuestionEmbedder(embedder ?? MiniLmEmbedder.For(semantic.IntraOpThreads), semantic.QueryCacheSize) : null;
        var snapshot = KnowledgeSnapshot.Open(result.Knowledge!, storage, options, new SemanticSetup(questions, semantic, null, logger));
        logger.LogInformation(
            "Loaded {PassageCount} passages from {SourceCount} sources in {KnowledgeDirectory}; index {IndexState} in {IndexFolder}",
            snapshot.Knowledge.Passages.Count,
            snapshot.Knowledge.Sources.Count,
            directory,
            snapshot.IndexReused ? "reused" : "built",
            snapshot.IndexFolder);
        return new KnowledgeStore(directory, options, storage, snapshot, logger, questions, semantic);
    }

    /// <summary>
    /// Reads the knowledge folder again. Valid, changed knowledge is indexed beside the current index and swapped in;
    /// invalid knowledge is refused, its problems recorded in <see cref="Status"/>, and the current knowledge keeps
    /// serving. Concurrent reloads run one after the other.
    /// </summary>
    public KnowledgeReloadResult Reload(CancellationToken cancellationToken = default)
    {
        lock (reloading)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            var result = KnowledgeLoader.Load(KnowledgeDirectory);
            if (!result.IsValid)
            {
                status = current.Status(new KnowledgeLoadError(DateTimeOffset.UtcNow, result.Problems));
                foreach (var problem in result.Problems)
                {
                    logger.LogError("Knowledge reload refused, still serving the previous knowledge: {Problem}", problem.ToString());
                }

                return new KnowledgeReloadResult(false, result.Problems);
            }

            if (string.Equals(result.Knowledge!.ContentHash, current.Knowledge.ContentHash, StringComparison.Ordinal))
            {
                status = current.Status(null);
                return new KnowledgeReloadResult(false, []);
            }

            KnowledgeSnapshot replacement;
            try
            {
                replacement = KnowledgeSnapshot.Open(result.Knowledge, storage, options, new SemanticSetup(questions, semanticOptions, current.Semantic, logger));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Knowledge that passed validation can still fail to index (a disk full, a term Lucene refuses):
                // it is refused like invalid knowledge, and the current knowledge keeps serving.
                var problem = new KnowledgeProblem(KnowledgeDirectory, 0, $"the knowledge could not be indexed: {ex.Message}");
                status = current.Status(new KnowledgeLoadError(DateTimeOffset.UtcNow, [problem]));
                logger.LogError(ex, "Knowledge reload failed while indexing; still serving the previous knowledge");
                return new KnowledgeReloadResult(false, [problem]);
            }

            var previous = current;
            current = replacement;
            status = replacement.Status(null);
            previous.Retire(storage);
            logger.LogInformation(
                "Reloaded the knowledge: {PassageCount} passages from {SourceCount} sources",
                replacement.Knowledge.Passages.Count,
                replacement.Knowledge.Sources.Count);
            return new KnowledgeReloadResult(true, []);
        }
    }

    public SearchAnswer Search(string question, SearchContext? context = null, CancellationToken cancellationToken = default) =>
        Search(question, context, SearchMode.Hybrid, cancellationToken);

    /// <summary>Searches with both legs, or one alone: a turn's secondary searches are lexical, the evaluation compares them.</summary>
    public SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default)
    {
        var snapshot = AcquireCurrent();
        Interlocked.Increment(ref searches);
        try
        {
            // A question in Russian is searched for the English words it reads as; the answer keeps the user's words.
            question ??= string.Empty;
            var readAs = RussianQuestionReader.Default.Read(question);
            var answer = readAs is null
                ? snapshot.Searcher.Search(question, context, cancellationToken, mode)
                : snapshot.Searcher.Search(readAs, context, cancellationToken, mode) with { Question = question, ReadAs = readAs };
            logger.LogDebug(
                "Searched {QuestionLength} characters: {HitCount} passages, no-answer reason {NoAnswerReason}",
                answer.Question.Length,
                answer.Hits.Count,
                answer.NoAnswer);
            return answer;
        }
        finally
        {
            snapshot.Release();
        }
    }

    /// <summary>
    /// How the search understood a question, each leg's best candidates with ranks and scores, and the fused
    /// confidence: a tool for knowledge editors.
    /// </summary>
    public string Explain(string question)
    {
        var snapshot = AcquireCurrent();
        try
        {
            question ??= string.Empty;
            var readAs = RussianQuestionReader.Default.Read(question);
            return readAs is null
                ? snapshot.Searcher.Explain(question)
                : $"Read from Russian as: {readAs}{Environment.NewLine}{snapshot.Searcher.Explain(readAs)}";
        }
        finally
        {
            snapshot.Release();
        }
    }

    /// <summary>
    /// Loads the embedding model now (about half a second and 90 MB), so that the first search by meaning does not
    /// wait for it, and the Russian dictionary's stems, so that the first Russian question with a typo does not
    /// either. Opening the store never loads them, so that a host can call this once it is serving, off the path to
    /// healthy.
    /// </summary>
    public void WarmUp()
    {
        RussianDictionary.Default.WarmUp();
        if (questions?.Embedder is MiniLmEmbedder model)
        {
            model.WarmUp();
        }
    }

    public void Dispose()
    {
        lock (reloading)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            current.Retire(storage: null);
        }
    }

    private KnowledgeSnapshot AcquireCurrent()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var snapshot = current;
            if (snapshot.TryAcquire())
            {
                return snapshot;
            }

            // The snapshot was retired between reading it and acquiring it; the next read sees its replacement.
        }
    }

    /// <summary>
    /// One immutable version of the knowledge with its index and searcher, shared by the searches that run on it. Who
    /// uses it is counted once, by the index reader's own reference count: the store holds one reference while the
    /// snapshot is current, each search holds another.
    /// </summary>
    private sealed class KnowledgeSnapshot
    {
        private readonly PassageIndex index;
        private readonly DateTimeOffset loadedAt = DateTimeOffset.UtcNow;
        private volatile IndexStorage? deleteFrom;

        private KnowledgeSnapshot(KnowledgeBase knowledge, PassageIndex index, PassageSearcher searcher, string folder, bool reused, SemanticIndex? semantic)
        {
            Semantic = semantic;
            Knowledge = knowledge;
            this.index = index;
            Searcher = searcher;
            IndexFolder = folder;
            IndexReused = reused;
        }

        public KnowledgeBase Knowledge { get; }

        public PassageSearcher Searcher { get; }

        public string IndexFolder { get; }

        public bool IndexReused { get; }

        /// <summary>The passage vectors kept with this version's index; null when the semantic leg is off.</summary>
        public SemanticIndex? Semantic { get; }

        public SemanticProgress SemanticProgress => Semantic?.Progress ?? SemanticProgress.Disabled(Knowledge.Passages.Count);

        public static KnowledgeSnapshot Open(KnowledgeBase knowledge, IndexStorage storage, SearchOptions options, SemanticSetup semantic)
        {
            var analyzer = new PassageAnalyzer();
            KnowledgeSnapshot? opened = null;
            var (index, folder, reused) = storage.OpenOrBuild(knowledge, analyzer, closed: () => opened?.Closed());
            SemanticIndex? vectors = null;
            try
            {
                // The vectors live in the index folder, keyed by the same content hash and checked on adoption like
                // the index; a small change is embedded here, before the swap, a large one in the background while
                // the new version answers lexically.
                vectors = semantic.Questions is { } questions
                    ? SemanticIndex.Open(knowledge, folder, questions.Embedder, semantic.Options, semantic.Previous, semantic.Logger)
                    : null;
                var retriever = vectors is null ? null : new SemanticRetriever(knowledge, vectors, semantic.Questions!, semantic.Logger);
                var searcher = new PassageSearcher(
                    knowledge, new QuestionInterpreter(knowledge, analyzer, Lexicon.Default), new LexicalRetriever(knowledge, index, Lexicon.Default), retriever, options);
                opened = new KnowledgeSnapshot(knowledge, index, searcher, folder, reused, vectors);
                return opened;
            }
            catch
            {
                vectors?.Dispose();
                index.Dispose();
                storage.Remove(folder);
                throw;
            }
        }

        public KnowledgeStatus Status(KnowledgeLoadError? error) =>
            new(Knowledge.Passages.Count, Knowledge.Sources.Count, loadedAt, Knowledge.CoveredCountries)
            {
                ContentHash = Knowledge.ContentHash,
                IndexReused = IndexReused,
                IndexFolder = IndexFolder,
                LastError = error,
            };

        /// <summary>Takes a reference for one search; false once the snapshot has been retired and its last search has ended.</summary>
        public bool TryAcquire() => index.TryAcquire();

        public void Release() => index.Release();

        /// <summary>
        /// Gives up the store's reference: the index closes when the last search on it ends, and with a storage
        /// given, its folder is deleted then (it belongs to knowledge that has been replaced).
        /// </summary>
        public void Retire(IndexStorage? storage)
        {
            deleteFrom = storage;

            // A version no longer current needs no more vectors computed for it.
            Semantic?.Dispose();
            index.Dispose();
        }

        private void Closed() => deleteFrom?.Remove(IndexFolder);
    }
}

/// <summary>What a snapshot needs to keep its passage vectors: the embedder (null when the leg is off) and the version it replaces.</summary>
internal sealed record SemanticSetup(QuestionEmbedder? Questions, SemanticOptions Options, SemanticIndex? Previous, ILogger Logger);
