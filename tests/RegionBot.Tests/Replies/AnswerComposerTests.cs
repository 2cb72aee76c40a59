using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Replies;

/// <summary>
/// Replies built on the real search over the shipped knowledge: overviews, partial answers that say what is not
/// covered, comparisons with an uncovered side, and questions about the whole region.
/// </summary>
public sealed class AnswerComposerTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private AnswerComposer Composer => new(fixture.Store, () => fixture.Store.Knowledge);

    [Fact]
    public void An_overview_shows_the_overview_passage_and_one_passage_per_country_labelled_and_cited()
    {
        var overview = Composer.Overview("give me an overview", CancellationToken.None);

        Assert.Equal(AnswerKind.Overview, overview.Kind);
        Assert.Equal(Countries.Region, overview.Passages[0].Passage.Country);
        Assert.False(overview.Passages[0].Passage.Text.TrimEnd().EndsWith('?'));
        Assert.Equal(fixture.Store.Knowledge.CoveredCountries, overview.Passages.Skip(1).Select(p => p.Passage.Country));
        Assert.Equal(Enumerable.Range(1, overview.Passages.Count), overview.Passages.Select(p => p.Number));
        var text = AnswerText.Format(overview);
        Assert.StartsWith("Here is an overview", text, StringComparison.Ordinal);
        foreach (var cited in overview.Passages.Skip(1))
        {
            Assert.Contains($"**{cited.Passage.Country}**", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_question_whose_country_is_covered_but_not_on_this_point_says_so_and_shows_what_is_covered_as_such()
    {
        const string question = "Does Uzbekistan recognise the Taliban?";
        Assert.Equal(NoAnswerReason.WeakMatch, fixture.Store.Search(question).NoAnswer);

        var (search, composed) = Composer.Compose(question, null, CancellationToken.None);

        Assert.False(search.HasAnswer);
        Assert.NotNull(composed);
        Assert.Equal(AnswerKind.Partial, composed.Kind);
        Assert.Null(composed.Quote);
        Assert.All(composed.Passages, p => Assert.Equal("Uzbekistan", p.Passage.Country));
        var text = AnswerText.Format(composed);
        Assert.StartsWith("My sources don't answer this for Uzbekistan", text, StringComparison.Ordinal);
        Assert.Contains("not an answer to your question", text, StringComparison.Ordinal);
        Assert.Contains("**Uzbekistan, on other matters**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("> “", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_shows_the_side_the_sources_do_not_cover_labelled_as_other_matters()
    {
        var (search, composed) = Composer.Compose("compare kazakhstan and uzbekistan on recognition", null, CancellationToken.None);

        Assert.NotNull(composed);
        Assert.Equal(AnswerKind.Comparison, composed.Kind);
        Assert.Equal(["Uzbekistan"], composed.Uncovered);
        Assert.Contains(composed.Passages, p => p.Passage.Country == "Kazakhstan" && p.Label is null);
        Assert.Contains(composed.Passages, p => p.Passage.Country == "Uzbekistan" && p.Label == "Uzbekistan, on other matters");
        Assert.Contains("My sources don't say this for Uzbekistan", AnswerText.Format(composed), StringComparison.Ordinal);
        Assert.True(search.HasAnswer);
    }

    [Theory]
    [InlineData("Is there a risk of terrorism?")]
    [InlineData("What is Russia doing?")]
    public void A_question_about_the_region_gets_the_best_passage_of_each_country_concerned(string question)
    {
        var search = fixture.Store.Search(question);
        Assert.True(search.Clarify.Count >= 2, "the search alone would ask which country is meant");

        var (_, composed) = Composer.Compose(question, null, CancellationToken.None);

        Assert.NotNull(composed);
        Assert.Equal(AnswerKind.AcrossRegion, composed.Kind);
        Assert.Equal(search.Clarify.OrderBy(c => c), composed.Passages.Select(p => p.Passage.Country).OrderBy(c => c));
        var text = AnswerText.Format(composed);
        Assert.DoesNotContain("Which one do you mean", text, StringComparison.Ordinal);
        Assert.All(search.Clarify, country => Assert.Contains($"**{country}**", text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Is there a risk of terrorism?")]
    [InlineData("What is Russia doing?")]
    [InlineData("Does Uzbekistan recognise the Taliban?")]
    [InlineData("compare kazakhstan and uzbekistan on recognition")]
    public void The_searches_a_reply_adds_to_the_users_question_never_run_the_model(string question)
    {
        // The question alone, then the whole reply: the per-country and per-subject searches add no semantic leg run.
        var before = fixture.Store.Status.Semantic;
        fixture.Store.Search(question);
        var afterQuestion = fixture.Store.Status.Semantic;

        var (_, composed) = Composer.Compose(question, null, CancellationToken.None);

        var afterReply = fixture.Store.Status.Semantic;
        Assert.NotNull(composed);
        Assert.True(afterReply.Searches - afterQuestion.Searches > afterQuestion.Searches - before.Searches, "the reply searched more than the question");
        Assert.Equal(afterQuestion.SemanticSearches - before.SemanticSearches, afterReply.SemanticSearches - afterQuestion.SemanticSearches);
    }

    [Theory]
    [InlineData("What did the president say?")]
    [InlineData("recognition of the government")]
    public void A_question_that_presupposes_one_subject_still_asks_which_one_is_meant(string question)
    {
        Assert.True(fixture.Store.Search(question).Clarify.Count >= 2, "several countries answer this");

        var (search, composed) = Composer.Compose(question, null, CancellationToken.None);

        Assert.Null(composed);
        Assert.Contains("Which one do you mean", AnswerText.Format(search), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_answer_opens_with_a_sentence_of_its_best_passage()
    {
        var (search, composed) = Composer.Compose("Does Kazakhstan recognise the Taliban?", null, CancellationToken.None);

        Assert.NotNull(composed);
        Assert.Equal(AnswerKind.Answer, composed.Kind);
        Assert.Contains(composed.Quote!, search.Hits[0].Passage.Text, StringComparison.Ordinal);
        Assert.Contains("recognise", composed.Quote!, StringComparison.Ordinal);
    }
}
