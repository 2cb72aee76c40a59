using Lucene.Net.Analysis.TokenAttributes;
using RegionBot.Knowledge.Indexing;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>Hybrid search with the real model over the shipped knowledge: what meaning adds, and what it must not.</summary>
public sealed class SemanticSearchTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    /// <summary>Paraphrases sharing no content word with the passage that answers them (checked below).</summary>
    public static TheoryData<string, string> Paraphrases => new()
    {
        { "Did Kazakhstan's leader and the Kremlin chief talk about buying weapons?", "trt-kz-6" },
        { "Is Tashkent keeping its channels to the militants open?", "trt-uz-1" },
        { "What promise did the movement's co-founder make to Tashkent about its safety?", "trt-uz-4" },
        { "Does Bishkek believe the militants want to expand beyond their own frontiers?", "trt-kg-3" },
        { "Is the pact with Moscow meant to bolster Dushanbe's ability to protect itself?", "trt-tj-3" },
    };

    /// <summary>Questions near the topic that the knowledge does not answer, several of which the model alone would answer.</summary>
    public static TheoryData<string> OutOfScope => new(OutOfScopeQuestions);

    private static readonly string[] OutOfScopeQuestions =
    [
        "What is Mongolia's position on the Taliban?",
        "How has Iran responded to the Taliban takeover?",
        "what's the weather in almaty tomorrow",
        "give me a recipe for plov",
        "What is Kyrgyzstan's defence budget?",
        "Who is the president of Turkmenistan?",
        "What is the national dish of Turkmenistan?",
        "Does Uzbekistan have nuclear weapons?",
        "What currency does Tajikistan use?",
        "How did the European Union react to the fall of Kabul?",
        "When will Kazakhstan hold its next presidential election?",
        "How many Afghan refugees live in Kyrgyzstan today?",
        "Is Ashgabat building a gas pipeline through Afghanistan?",
        "Who is the Taliban's foreign minister?",
        "On what exact date did the last US troops leave Afghanistan?",
        "What is the exchange rate of the afghani to the dollar?",
        "How many soldiers does Kazakhstan have in its army?",
        "how do i book annual leave",
    ];

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public void A_paraphrase_sharing_no_content_word_with_its_passage_is_answered(string question, string passageId)
    {
        var passage = fixture.Store.Knowledge.Passages.Single(p => p.Id == passageId);
        Assert.Empty(ContentTerms(question).Intersect(ContentTerms(passage.Text + " " + passage.Section)));

        var hybrid = fixture.Store.Search(question, null, SearchMode.Hybrid, CancellationToken.None);
        var lexical = fixture.Store.Search(question, null, SearchMode.Lexical, CancellationToken.None);

        // Meaning decides whether the passage may answer; which passage comes first is decided by how much of the
        // question each covers (HybridFusion), so the paraphrase's passage is in the answer, not always first.
        Assert.Contains(passageId, hybrid.Hits.Select(h => h.Passage.Id));
        Assert.False(lexical.HasAnswer && lexical.Hits.Any(h => h.Passage.Id == passageId), "The words alone already found it: not a test of meaning.");
    }

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public void An_out_of_scope_question_gets_no_answer_with_hybrid_search(string question)
    {
        var answer = fixture.Store.Search(question);

        Assert.False(answer.HasAnswer, $"Answered with {string.Join(", ", answer.Hits.Select(h => h.Passage.Id))}");
    }

    [Fact]
    public void The_model_alone_would_answer_out_of_scope_questions_that_hybrid_search_declines()
    {
        // What the fusion guards against: similarity alone finds something close to almost any question on the topic.
        var semanticOnly = OutOfScopeQuestions
            .Count(question => fixture.Store.Search(question, null, SearchMode.Semantic, CancellationToken.None).HasAnswer);

        Assert.True(semanticOnly >= 3, $"Only {semanticOnly} answered by the model alone.");
    }

    [Fact]
    public void Explain_shows_each_leg_with_ranks_and_scores_and_the_fused_confidence()
    {
        var explained = fixture.Store.Explain("Did Kazakhstan's leader and the Kremlin chief talk about buying weapons?");

        Assert.Contains("lexical leg", explained, StringComparison.Ordinal);
        Assert.Contains("semantic leg: used", explained, StringComparison.Ordinal);
        Assert.Matches(@"#1 trt-kz-6: cosine 0\.\d{3}", explained);
        Assert.Matches(@"trt-kz-6: confidence 0\.\d\d \(lexical #\d covers 0\.\d\d, semantic #1 cosine", explained);
        Assert.Matches(@"fused confidence 0\.\d\d, needed 0\.50: answer", explained);
    }

    [Fact]
    public void A_certain_lexical_answer_skips_the_semantic_leg()
    {
        var explained = fixture.Store.Explain("Does Kazakhstan recognise the Taliban-ruled government?");

        Assert.Contains("semantic leg: skipped", explained, StringComparison.Ordinal);
    }

    /// <summary>The analysed terms of a text without the words every question may share: question words, names, the topic.</summary>
    private static HashSet<string> ContentTerms(string text)
    {
        var lexicon = Lexicon.Default;
        var shared = lexicon.GenericWords.Concat(lexicon.TopicWords).Concat(lexicon.CountryAliases.Keys).SelectMany(Terms).ToHashSet(StringComparer.Ordinal);
        return Terms(text).Where(term => !shared.Contains(term)).ToHashSet(StringComparer.Ordinal);
    }

    private static List<string> Terms(string text)
    {
        using var analyzer = new PassageAnalyzer();
        using var stream = analyzer.GetTokenStream(PassageFields.Text, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
