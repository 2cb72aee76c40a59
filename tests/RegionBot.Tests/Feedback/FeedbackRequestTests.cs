using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using RegionBot.Feedback;

namespace RegionBot.Tests.Feedback;

/// <summary>
/// Which activities are ratings: Teams' feedback invoke, Web Chat's vote event, an earlier rating button's value
/// however the channel sends it, or typed words.
/// </summary>
public sealed class FeedbackRequestTests
{
    [Fact]
    public void An_earlier_rating_button_value_sent_as_a_JSON_string_rates_the_answer_it_names()
    {
        var message = MessageFactory.Text("");
        message.Value = """{ "feedback": "unhelpful", "question": "Does Kazakhstan recognise the Taliban?", "passages": ["trt-kz-8"] }""";

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

    [Theory]
    [InlineData("like", true, "{\"feedbackText\":\"Clear and sourced\"}", "Clear and sourced")]
    [InlineData("dislike", false, "{\"feedbackText\":\"\"}", null)]
    [InlineData("dislike", false, "  Bare text, as the Playground sends it ", "Bare text, as the Playground sends it")]
    [InlineData("like", true, "{\"other\":\"x\"}", null)]
    [InlineData("like", true, "{broken", null)]
    public void Teams_feedback_invoke_carries_the_reaction_and_the_typed_feedback(string reaction, bool helpful, string feedback, string? comment)
    {
        // The shape Teams posts when a user submits the feedback form of a message with the feedback loop.
        var invoke = JsonConvert.DeserializeObject<Activity>($$"""
            { "type": "invoke", "name": "message/submitAction", "replyToId": "1700000000000",
              "value": { "actionName": "feedback", "actionValue": { "reaction": "{{reaction}}", "feedback": {{JsonConvert.ToString(feedback)}} } } }
            """)!;

        var rating = FeedbackRequest.FromTeamsInvoke(invoke);

        Assert.NotNull(rating);
        Assert.Equal(helpful, rating.Helpful);
        Assert.Equal(comment, rating.Comment);
    }

    [Theory]
    [InlineData("""{ "type": "invoke", "name": "message/submitAction", "value": { "actionName": "other" } }""")]
    [InlineData("""{ "type": "invoke", "name": "message/submitAction", "value": { "actionName": "feedback", "actionValue": { "reaction": "meh" } } }""")]
    [InlineData("""{ "type": "invoke", "name": "adaptiveCard/action", "value": { "actionName": "feedback" } }""")]
    [InlineData("""{ "type": "invoke", "name": "message/submitAction", "value": "feedback" }""")]
    public void Other_invokes_are_not_ratings(string json)
    {
        Assert.Null(FeedbackRequest.FromTeamsInvoke(JsonConvert.DeserializeObject<Activity>(json)!));
    }

    [Fact]
    public void A_Web_Chat_vote_event_rates_the_answer_its_vote_names()
    {
        var upvote = FeedbackRequest.VoteEntities("Does Kazakhstan recognise the Taliban?", ["trt-kz-8", "trt-kz-7"]).First();
        var vote = new Activity { Type = ActivityTypes.Event, Name = FeedbackRequest.WebChatVoteEvent, Entities = [upvote] };

        var rating = FeedbackRequest.FromWebChatVote(vote);

        Assert.NotNull(rating);
        Assert.True(rating.Helpful);
        Assert.Equal("Does Kazakhstan recognise the Taliban?", rating.Question);
        Assert.Equal(["trt-kz-8", "trt-kz-7"], rating.PassageIds);
        Assert.Null(FeedbackRequest.FromWebChatVote(new Activity { Type = ActivityTypes.Event, Name = "other", Entities = [upvote] }));
        Assert.Null(FeedbackRequest.FromWebChatVote(new Activity { Type = ActivityTypes.Event, Name = FeedbackRequest.WebChatVoteEvent }));
    }
}
