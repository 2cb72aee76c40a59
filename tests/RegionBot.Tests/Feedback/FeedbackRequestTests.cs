using Microsoft.Bot.Builder;
using RegionBot.Feedback;

namespace RegionBot.Tests.Feedback;

/// <summary>Which messages are ratings: a rating button's value, however the channel sends it, or typed words.</summary>
public sealed class FeedbackRequestTests
{
    [Fact]
    public void A_button_value_sent_as_a_JSON_string_rates_the_answer_it_names()
    {
        var message = MessageFactory.Text("");
        message.Value = FeedbackRequest.ButtonValue(false, "Does Kazakhstan recognise the Taliban?", ["trt-kz-8"]).ToString();

        var rating = FeedbackRequest.From(message, "");

        Assert.NotNull(rating);
        Assert.False(rating.Helpful);
        Assert.Equal("Does Kazakhstan recognise the Taliban?", rating.Question);
        Assert.Equal(["trt-kz-8"], rating.PassageIds);
    }

    [Theory]
    [InlineData("helpful", true)]
    [InlineData("  Helpful! ", true)]
    [InlineData("👍", true)]
    [InlineData("not helpful", false)]
    [InlineData("Unhelpful.", false)]
    [InlineData("👎 Not helpful", false)]
    public void Typed_ratings_refer_to_the_last_answer(string text, bool helpful)
    {
        var rating = FeedbackRequest.From(MessageFactory.Text(text), text.Trim());

        Assert.NotNull(rating);
        Assert.Equal(helpful, rating.Helpful);
        Assert.Null(rating.Question);
    }

    [Theory]
    [InlineData("Was the aid helpful to Afghanistan?")]
    [InlineData("{\"feedback\":\"maybe\"}")]
    [InlineData("{\"feedback\":")]
    [InlineData("[\"helpful\"]")]
    public void Questions_and_values_that_are_not_ratings_are_left_alone(string text)
    {
        var message = MessageFactory.Text(text);
        message.Value = text;

        Assert.Null(FeedbackRequest.From(message, text));
    }
}
