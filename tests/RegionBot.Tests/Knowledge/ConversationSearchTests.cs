using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>Follow-ups, comparisons and ambiguous questions, searched on the real index over the shipped knowledge.</summary>
public sealed class ConversationSearchTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private SearchAnswer Ask(string question, SearchAnswer? previous = null) =>
        fixture.Store.Search(question, previous is null ? null : SearchContext.From(previous));

    [Theory]
    [InlineData("What about Tajikistan?", "Tajikistan", "trt-tj-1")]
    [InlineData("And Uzbekistan?", "Uzbekistan", null)]
    [InlineData("how about dushanbe", "Tajikistan", "trt-tj-1")]
    [InlineData("Tajikistan?", "Tajikistan", "trt-tj-1")]
    public void A_follow_up_naming_another_country_keeps_the_subject(string followUp, string country, string? expected)
    {
        var first = Ask("Does Kazakhstan recognise the Taliban?");

        var answer = Ask(followUp, first);

        Assert.True(answer.IsFollowUp);
        Assert.Equal([country], answer.DetectedCountries);
        Assert.Equal(first.Topic, answer.Topic);
        if (expected is not null)
        {
            Assert.Equal(expected, answer.Hits[0].Passage.Id);
        }
        else
        {
            Assert.All(answer.Hits, h => Assert.Equal(country, h.Passage.Country));
        }
    }

    [Fact]
    public void A_follow_up_pointing_back_takes_the_previous_speaker_and_subject()
    {
        var first = Ask("What did Tokayev say about the military?");

        var answer = Ask("What did he say about terrorism?", first);

        Assert.True(answer.IsFollowUp);
        Assert.Equal(["Kassym-Jomart Tokayev"], answer.Speakers);
        Assert.Equal("trt-kz-3", answer.Hits[0].Passage.Id);
    }

    [Fact]
    public void Asking_for_more_leaves_out_what_was_shown()
    {
        var first = Ask("What did Kazakbaev say?");

        var more = Ask("What else did Kazakbaev say?", first);

        Assert.DoesNotContain(more.Hits, h => first.Hits.Any(f => f.Passage.Id == h.Passage.Id));
        Assert.All(more.Hits, h => Assert.Equal("Ruslan Kazakbaev", h.Passage.Speaker));
    }

    [Fact]
    public void A_question_that_stands_on_its_own_ignores_the_context()
    {
        var first = Ask("Does Kazakhstan recognise the Taliban?");

        var answer = Ask("What did Turkmenistan's foreign ministry say about border crossings?", first);

        Assert.False(answer.IsFollowUp);
        Assert.Equal("Turkmenistan", answer.Hits[0].Passage.Country);
    }

    [Theory]
    [InlineData("How did Tajikistan respond to the Taliban?")]
    [InlineData("Tell me about Uzbekistan")]
    [InlineData("What is Uzbekistan doing?")]
    public void Asking_a_complete_question_again_gets_the_same_answer(string question)
    {
        var first = Ask(question);

        var again = Ask(question, first);

        Assert.False(again.IsFollowUp);
        Assert.Equal(first.Hits.Select(h => h.Passage.Id), again.Hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public void A_comparison_answers_with_the_best_passage_of_each_country()
    {
        var answer = Ask("Compare Kazakhstan and Tajikistan on recognising the Taliban");

        Assert.True(answer.IsComparison);
        Assert.Equal(["trt-kz-8", "trt-tj-1"], answer.Hits.Select(h => h.Passage.Id));
    }

    [Theory]
    [InlineData("Compare Kazakhstan and Uzbekistan")]
    [InlineData("Kazakhstan versus Turkmenistan on the Taliban")]
    [InlineData("How do Kazakhstan and Tajikistan differ on recognising the Taliban?")]
    public void Comparisons_in_other_words_compare(string question)
    {
        var answer = Ask(question);

        Assert.True(answer.IsComparison);
        Assert.Equal(answer.DetectedCountries, answer.Hits.Select(h => h.Passage.Country));
    }

    [Fact]
    public void A_comparison_with_one_side_unanswered_is_answered_as_a_plain_question()
    {
        var answer = Ask("Compare the defence budgets of Kazakhstan and Turkmenistan");

        Assert.False(answer.IsComparison);
        Assert.All(answer.Hits, h => Assert.Equal("Kazakhstan", h.Passage.Country));
    }

    [Fact]
    public void What_else_on_its_own_shows_more_of_the_same_speaker_and_never_repeats()
    {
        var first = Ask("What did Kazakbaev say?");
        var second = Ask("What else?", first);
        var third = Ask("What else?", second);

        var shown = first.Hits.Concat(second.Hits).Concat(third.Hits).Select(h => h.Passage.Id).ToArray();
        Assert.True(second.HasAnswer);
        Assert.All(second.Hits, h => Assert.Equal("Ruslan Kazakbaev", h.Passage.Speaker));
        Assert.Equal(shown.Length, shown.Distinct().Count());
    }

    [Fact]
    public void A_question_about_several_countries_is_not_pinned_to_the_previous_one()
    {
        var first = Ask("Does Kazakhstan recognise the Taliban?");

        var answer = Ask("Which countries said they would not recognise the Taliban?", first);

        Assert.Contains(answer.Hits, h => h.Passage.Country == "Tajikistan");
    }

    [Fact]
    public void A_follow_up_keeps_asking_when()
    {
        var first = Ask("When did Turkmenistan's foreign ministry release its statement?");

        var answer = Ask("What about Uzbekistan?", first);

        Assert.StartsWith("when", answer.Topic, StringComparison.Ordinal);
        Assert.All(answer.Hits, h => Assert.Matches(@"\d|Friday|ago|years|days", h.Passage.Text));
    }

    [Fact]
    public void Close_matches_about_different_countries_ask_which_one_is_meant()
    {
        var answer = Ask("Who said they will not recognise the government?");
        var ambiguous = Ask("recognition of the government");

        Assert.Empty(answer.Clarify);
        Assert.True(ambiguous.Clarify.Count >= 2, string.Join(", ", ambiguous.Hits.Select(h => $"{h.Passage.Id} {h.Score}")));
        Assert.Contains("Kazakhstan", ambiguous.Clarify);
        Assert.Contains("Tajikistan", ambiguous.Clarify);
    }

    [Fact]
    public void Choosing_a_country_after_a_clarifying_question_answers_for_it()
    {
        var ambiguous = Ask("recognition of the government");

        var answer = Ask(ambiguous.Clarify[0], ambiguous);

        Assert.True(answer.HasAnswer);
        Assert.All(answer.Hits, h => Assert.Equal(ambiguous.Clarify[0], h.Passage.Country));
    }
}
