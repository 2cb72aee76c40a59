using RegionBot.Knowledge.Semantic;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>
/// A question's vector is started on a free core while the lexical leg runs, and only then: when searches and early
/// embeddings hold every core, the model waits until the vector is asked for. Either way the search gets the model's
/// own vector, or its own failure.
/// </summary>
public sealed class QueryVectorTests
{
    private const string Question = "Is Uzbekistan still talking to the Taliban?";

    [Fact]
    public void On_a_free_core_the_model_starts_before_the_vector_is_asked_for()
    {
        var model = new GatedEmbedder();
        var questions = new QuestionEmbedder(model, cacheSize: 0);

        var vector = QueryVector.For(questions, Question, startEarly: true, CancellationToken.None);

        Assert.True(vector.StartedEarly);
        Assert.True(SpinWait.SpinUntil(() => model.Embedded == 1, TimeSpan.FromSeconds(30)), "the model never started");
        var expected = MiniLmEmbedder.For(1).Embed([MiniLmEmbedder.Prepare(Question)], CancellationToken.None)[0];
        Assert.Equal(expected, vector.Get(CancellationToken.None));
        Assert.Equal(1, model.Embedded);
    }

    [Fact]
    public void With_every_core_taken_the_model_waits_until_the_vector_is_asked_for()
    {
        var model = new GatedEmbedder();
        var questions = new QuestionEmbedder(model, cacheSize: 0);
        var taken = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => questions.UseCore()).ToArray();
        try
        {
            Assert.False(questions.HasFreeCore);
            var vector = QueryVector.For(questions, Question, startEarly: true, CancellationToken.None);

            Assert.False(vector.StartedEarly);
            Assert.Equal(0, model.Embedded);
            Assert.Equal(384, vector.Get(CancellationToken.None).Length);
            Assert.Equal(1, model.Embedded);
        }
        finally
        {
            foreach (var core in taken)
            {
                core.Dispose();
            }
        }

        Assert.True(questions.HasFreeCore);
    }

    [Fact]
    public void A_vector_started_early_holds_a_core_until_the_model_is_done()
    {
        var model = new GatedEmbedder(open: false);
        var questions = new QuestionEmbedder(model, cacheSize: 0);
        var others = Enumerable.Range(0, Environment.ProcessorCount - 1).Select(_ => questions.UseCore()).ToArray();

        var vector = QueryVector.For(questions, Question, startEarly: true, CancellationToken.None);

        Assert.True(vector.StartedEarly);
        Assert.False(questions.HasFreeCore);
        model.Open();
        vector.Get(CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => questions.HasFreeCore, TimeSpan.FromSeconds(30)), "the early embedding kept its core");
        foreach (var core in others)
        {
            core.Dispose();
        }
    }

    [Fact]
    public void A_model_failure_reaches_the_search_as_itself()
    {
        var questions = new QuestionEmbedder(new FailingEmbedder(), cacheSize: 0);

        var vector = QueryVector.For(questions, Question, startEarly: true, CancellationToken.None);

        Assert.True(vector.StartedEarly);
        Assert.Throws<InvalidOperationException>(() => vector.Get(CancellationToken.None));
    }

    private sealed class FailingEmbedder : ITextEmbedder
    {
        public int Dimensions => 384;

        public string Model => "failing";

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The model failed.");
    }
}
