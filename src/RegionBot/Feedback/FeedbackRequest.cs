using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RegionBot.Feedback;

/// <summary>A user's rating of an answer, and the rated question and passages when the message carries them.</summary>
/// <param name="Question">The rated question, or null when the rating is typed and refers to the last answer.</param>
public sealed record FeedbackRequest(bool Helpful, string? Question, IReadOnlyList<string> PassageIds)
{
    /// <summary>What the user wrote along with the rating (Teams' feedback form), if anything.</summary>
    public string? Comment { get; init; }

    public const string HelpfulText = "helpful";
    public const string UnhelpfulText = "not helpful";

    private static readonly HashSet<string> HelpfulWords = new(StringComparer.OrdinalIgnoreCase)
    {
        HelpfulText, "👍", "👍 helpful", "that was helpful", "this was helpful", "very helpful",
    };

    private static readonly HashSet<string> UnhelpfulWords = new(StringComparer.OrdinalIgnoreCase)
    {
        UnhelpfulText, "unhelpful", "👎", "👎 not helpful", "that was not helpful", "this was not helpful", "not useful", "wrong answer",
    };

    /// <summary>
    /// Web Chat's thumbs: a <c>https://schema.org/VoteAction</c> entity for each, shown in the activity status. The
    /// vote's <c>object</c> names the rated answer (question and passages), because Web Chat posts back only the
    /// chosen entity, not the message it belongs to.
    /// </summary>
    public static IEnumerable<Entity> VoteEntities(string question, IReadOnlyList<string> passageIds) =>
        new[] { UpVote, DownVote }.Select(option => new JObject
        {
            ["type"] = VoteActionType,
            ["@context"] = "https://schema.org",
            ["@type"] = "VoteAction",
            ["actionOption"] = option,
            ["object"] = new JObject
            {
                ["@type"] = "Answer",
                ["about"] = question,
                ["citation"] = new JArray(passageIds.ToArray()),
            },
        }.ToObject<Entity>()!);

    public const string VoteActionType = "https://schema.org/VoteAction";

    /// <summary>The event Web Chat 4.18 posts when a thumb in the activity status is clicked.</summary>
    public const string WebChatVoteEvent = "webchat:activity-status/feedback";

    /// <summary>The invoke Teams sends when a user submits the feedback of a message with the feedback loop.</summary>
    public const string TeamsFeedbackInvoke = "message/submitAction";

    private const string UpVote = "upvote";
    private const string DownVote = "downvote";

    /// <summary>The rating in Web Chat's vote event; null when the event is not one or carries no vote.</summary>
    public static FeedbackRequest? FromWebChatVote(IActivity activity)
    {
        if (activity is not IEventActivity { Name: WebChatVoteEvent })
        {
            return null;
        }

        var action = activity.Entities?
            .Where(entity => string.Equals(entity.Type, VoteActionType, StringComparison.Ordinal))
            .Select(entity => JObject.FromObject(entity))
            .FirstOrDefault();
        bool? helpful = ((action?["actionOption"] as JValue)?.Value as string) switch
        {
            UpVote => true,
            DownVote => false,
            _ => null,
        };
        if (helpful is null)
        {
            return null;
        }

        var question = action!["object"]?["about"] is JValue { Type: JTokenType.String } about ? (string?)about : null;
        var passages = action["object"]?["citation"] is JArray ids
            ? ids.OfType<JValue>().Where(id => id.Type == JTokenType.String).Select(id => (string)id!).ToArray()
            : [];
        return new FeedbackRequest(helpful.Value, string.IsNullOrWhiteSpace(question) ? null : question, passages);
    }

    /// <summary>
    /// The rating in Teams' feedback invoke: <c>value.actionValue.reaction</c> "like" or "dislike", and the text
    /// of the feedback form in <c>value.actionValue.feedback</c>. The rated answer is the message the
    /// invoke replies to, which the caller looks up. Null when the invoke is not a feedback submission.
    /// </summary>
    public static FeedbackRequest? FromTeamsInvoke(IInvokeActivity invoke)
    {
        if (!string.Equals(invoke.Name, TeamsFeedbackInvoke, StringComparison.Ordinal)
            || AsObject(invoke.Value) is not { } value
            || !string.Equals((value["actionName"] as JValue)?.Value as string, "feedback", StringComparison.Ordinal))
        {
            return null;
        }

        bool? helpful = ((value["actionValue"]?["reaction"] as JValue)?.Value as string) switch
        {
            "like" => true,
            "dislike" => false,
            _ => null,
        };
        if (helpful is null)
        {
            return null;
        }

        var comment = ((value["actionValue"]?["feedback"] as JValue)?.Value as string) is { } feedback ? FeedbackText(feedback) : null;
        return new FeedbackRequest(helpful.Value, null, []) { Comment = comment };
    }

    /// <summary>
    /// What the user typed in Teams' feedback form: Teams sends it as JSON (<c>{"feedbackText": "..."}</c>),
    /// Microsoft 365 Agents Playground as the bare text. Null when the user typed nothing.
    /// </summary>
    private static string? FeedbackText(string feedback)
    {
        var text = feedback.TrimStart().StartsWith('{')
            ? TryParse(feedback)?["feedbackText"] is JValue { Type: JTokenType.String } json ? (string?)json : null
            : feedback;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>
    /// The rating a message carries: a feedback button's value, or typed text such as "helpful" or "not helpful"
    /// (Web Chat users and channels without buttons). Null when the message is not a rating.
    /// </summary>
    public static FeedbackRequest? From(IMessageActivity activity, string text) =>
        FromValue(activity.Value) ?? FromText(text);

    /// <summary>
    /// The value of a rating button (messageBack) on answers sent before ratings moved to the clients' own thumbs:
    /// those messages stay in chat histories, and a click on one still rates its answer.
    /// </summary>
    private static FeedbackRequest? FromValue(object? value)
    {
        // Teams and Web Chat send the value back as a JSON object; some clients send it as a JSON string.
        var token = AsObject(value);
        if (token?["feedback"] is not JValue { Type: JTokenType.String } feedback)
        {
            return null;
        }

        bool? helpful = (string?)feedback switch
        {
            "helpful" => true,
            "unhelpful" => false,
            _ => null,
        };
        if (helpful is null)
        {
            return null;
        }

        var question = token["question"] is JValue { Type: JTokenType.String } q ? (string?)q : null;
        var passages = token["passages"] is JArray ids
            ? ids.OfType<JValue>().Where(id => id.Type == JTokenType.String).Select(id => (string)id!).ToArray()
            : [];
        return new FeedbackRequest(helpful.Value, string.IsNullOrWhiteSpace(question) ? null : question, passages);
    }

    private static FeedbackRequest? FromText(string text)
    {
        var words = text.Trim().TrimEnd('!', '.').Trim();
        if (HelpfulWords.Contains(words))
        {
            return new FeedbackRequest(true, null, []);
        }

        return UnhelpfulWords.Contains(words) ? new FeedbackRequest(false, null, []) : null;
    }

    private static JObject? AsObject(object? value) => value switch
    {
        JObject json => json,
        string json when json.TrimStart().StartsWith('{') => TryParse(json),
        _ => null,
    };

    private static JObject? TryParse(string json)
    {
        try
        {
            return JToken.Parse(json) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
