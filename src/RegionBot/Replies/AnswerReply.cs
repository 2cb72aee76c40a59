using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using RegionBot.Feedback;
using RegionBot.Knowledge.Search;

namespace RegionBot.Replies;

/// <summary>
/// The message that carries an answer: its Markdown text, its citations, what to ask next, and the way each client
/// rates it natively.
/// </summary>
/// <remarks>
/// Ratings use what each client draws itself rather than a card of buttons: Teams shows thumbs on a bot message
/// with <c>channelData.feedbackLoopEnabled</c> and answers them with a <c>message/submitAction</c> invoke; Web Chat
/// shows thumbs in the activity status for <c>https://schema.org/VoteAction</c> entities and posts the chosen one
/// back as an event. No attachment goes with the text, which some Teams clients would otherwise show unformatted.
/// </remarks>
public static class AnswerReply
{
    /// <summary>
    /// An answer with its follow-up questions as suggested actions (imBack: the only kind Teams shows as suggested
    /// actions, and only the first three, in personal chat).
    /// </summary>
    public static IMessageActivity Answer(ComposedAnswer answer, IReadOnlyList<string> followUps, string? channelId)
    {
        var text = AnswerText.Format(answer);
        if (ShowsCitationLinks(channelId))
        {
            text = AnswerText.WithCitationLinks(text, answer.Passages);
        }

        var reply = MessageFactory.Text(text);
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Entities = [Citations.MessageEntity(answer.Passages)];
        if (string.Equals(channelId, Channels.Msteams, StringComparison.Ordinal))
        {
            reply.ChannelData = new JObject { ["feedbackLoopEnabled"] = true };
        }
        else
        {
            foreach (var vote in FeedbackRequest.VoteEntities(answer.Search.Question, answer.PassageIds))
            {
                reply.Entities.Add(vote);
            }
        }

        if (followUps.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = followUps.Select(question => new CardAction(ActionTypes.ImBack, question, value: question)).ToList(),
            };
        }

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

    /// <summary>
    /// Web Chat (over Direct Line) draws [1] as a citation only with a Markdown link definition for it; the
    /// Emulator and Teams do not need one.
    /// </summary>
    private static bool ShowsCitationLinks(string? channelId) =>
        string.Equals(channelId, Channels.Directline, StringComparison.Ordinal)
        || string.Equals(channelId, Channels.Webchat, StringComparison.Ordinal);
}
