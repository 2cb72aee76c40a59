using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Knowledge;

/// <summary>What the loaded knowledge holds, for health checks and status pages.</summary>
public sealed record KnowledgeStatus(int Passages, int Sources, DateTimeOffset LoadedAt, IReadOnlyList<string> CoveredCountries);

/// <summary>
/// Owns the loaded knowledge and its search index for the application's lifetime.
/// </summary>
public sealed class KnowledgeStore : IPassageSearch, IDisposable
{
    private readonly PassageIndex index;
    private readonly PassageSearcher searcher;
    private readonly ILogger logger;

    private KnowledgeStore(KnowledgeBase knowledge, PassageIndex index, PassageSearcher searcher, ILogger logger)
    {
        Knowledge = knowledge;
        this.index = index;
        this.searcher = searcher;
        this.logger = logger;
        Status = new KnowledgeStatus(knowledge.Passages.Count, knowledge.Sources.Count, DateTimeOffset.UtcNow, knowledge.CoveredCountries);
    }

    public KnowledgeBase Knowledge { get; }

    public KnowledgeStatus Status { get; }

    /// <summary>Loads and validates the knowledge folder and builds its index.</summary>
    /// <exception cref="KnowledgeValidationException">The folder has problems; each names its file and line.</exception>
    public static KnowledgeStore Open(string knowledgeDirectory, SearchOptions options, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var result = KnowledgeLoader.Load(knowledgeDirectory);
        if (!result.IsValid)
        {
            throw new KnowledgeValidationException(result.Problems);
        }

        var knowledge = result.Knowledge!;
        var analyzer = new PassageAnalyzer();
        var index = PassageIndex.Build(knowledge, new RAMDirectory(), analyzer);
        var searcher = new PassageSearcher(knowledge, index, new QuestionInterpreter(knowledge, analyzer, Lexicon.Default), options);
        logger.LogInformation(
            "Loaded {PassageCount} passages from {SourceCount} sources in {KnowledgeDirectory}",
            knowledge.Passages.Count,
            knowledge.Sources.Count,
            Path.GetFullPath(knowledgeDirectory));
        return new KnowledgeStore(knowledge, index, searcher, logger);
    }

    public SearchAnswer Search(string question, SearchContext? context = null, CancellationToken cancellationToken = default)
    {
        var answer = searcher.Search(question ?? string.Empty, context, cancellationToken);
        logger.LogDebug(
            "Searched {QuestionLength} characters: {HitCount} passages, no-answer reason {NoAnswerReason}",
            answer.Question.Length,
            answer.Hits.Count,
            answer.NoAnswer);
        return answer;
    }

    /// <summary>How the search understood a question and how its best candidates cover it: a tool for knowledge editors.</summary>
    public string Explain(string question) => searcher.Explain(question ?? string.Empty);

    public void Dispose() => index.Dispose();
}
