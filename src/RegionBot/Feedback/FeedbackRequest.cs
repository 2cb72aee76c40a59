using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RegionBot.Feedback;

/// <summary>A user's rating of an answer, and the rated question and passages when the message carries them.</summary>
/// <param name="Question">The rated question, or null when the rating is typed and refers to the last answer.</param>
public sealed record FeedbackRequest(bool Helpful, string? Question, IReadOnlyList<string> PassageIds)
{
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
    /// The value a feedback button sends back (messageBack): which answer it rates, so a click on an older answer's
    /// button rates that answer and not the latest.
    /// </summary>
    public static JObject ButtonValue(bool helpful, string question, IEnumerable<string> passageIds) => new()
    {
        ["feedback"] = helpful ? "helpful" : "unhelpful",
        ["question"] = question,
        ["passages"] = new JArray(passageIds.ToArray()),
    };

    /// <summary>
    /// The rating a message carries: a feedback button's value, or typed text such as "helpful" or "not helpful"
    /// (Web Chat users and channels without buttons). Null when the message is not a rating.
    /// </summary>
    public static FeedbackRequest? From(IMessageActivity activity, string text) =>
        FromValue(activity.Value) ?? FromText(text);

    private static FeedbackRequest? FromValue(object? value)
    {
        // Teams and Web Chat send the value back as a JSON object; some clients send it as a JSON string.
        var token = value switch
        {
            JObject json => json,
            string json when json.TrimStart().StartsWith('{') => TryParse(json),
            _ => null,
        };
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
