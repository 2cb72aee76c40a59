using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Feedback;
using RegionBot.Knowledge.Search;

namespace RegionBot.Replies;

/// <summary>The message that carries an answer: its Markdown text, what to ask next, and a way to rate it.</summary>
public static class AnswerReply
{
    public const string HelpfulTitle = "👍 Helpful";
    public const string UnhelpfulTitle = "👎 Not helpful";
    public const string FeedbackPrompt = "Did this answer help?";

    /// <summary>
    /// An answer with its follow-up questions as suggested actions (imBack: the only kind Teams shows as suggested
    /// actions, and only the first three, in personal chat) and a small card with two rating buttons.
    /// </summary>
    /// <remarks>
    /// The rating buttons are card buttons of type messageBack rather than suggested actions: Teams renders card
    /// buttons in personal chats, group chats and channels alike, and delivers a messageBack's value (the rated
    /// question and passages) to the bot while showing only its display text in the chat. Web Chat and the Emulator
    /// do the same. The text "helpful" / "not helpful" goes along, so even a client that drops the value rates the
    /// last answer.
    /// </remarks>
    public static IMessageActivity Answer(SearchAnswer answer, IReadOnlyList<string> followUps)
    {
        var reply = MessageFactory.Text(AnswerText.Format(answer));
        reply.TextFormat = TextFormatTypes.Markdown;
        if (followUps.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = followUps.Select(question => new CardAction(ActionTypes.ImBack, question, value: question)).ToList(),
            };
        }

        var passageIds = answer.Hits.Select(hit => hit.Passage.Id).ToArray();
        reply.Attachments = [new HeroCard
        {
            Text = FeedbackPrompt,
            Buttons =
            [
                RatingButton(true, HelpfulTitle, FeedbackRequest.HelpfulText, answer.Question, passageIds),
                RatingButton(false, UnhelpfulTitle, FeedbackRequest.UnhelpfulText, answer.Question, passageIds),
            ],
        }.ToAttachment()];
        return reply;
    }

    /// <summary>Asks which country is meant, one suggested action per country; the name alone answers as a follow-up.</summary>
    public static IMessageActivity Clarify(SearchAnswer answer)
    {
        var reply = MessageFactory.SuggestedActions(
            answer.Clarify.Select(country => new CardAction(ActionTypes.ImBack, country, value: country)),
            AnswerText.Format(answer),
            ssml: null,
            inputHint: null);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    private static CardAction RatingButton(bool helpful, string title, string text, string question, IReadOnlyList<string> passageIds) =>
        new(ActionTypes.MessageBack, title, text: text, displayText: title, value: FeedbackRequest.ButtonValue(helpful, question, passageIds));
}
