using System.Text.Json;

namespace RegionBot.Edge;

/// <summary>
/// Checks that a posted body has the shape of a Bot Framework activity before the adapter sees it: the adapter's
/// JSON reader quietly turns a number into text and gives up on other mismatches in ways that end in a 500, while
/// a client that sends the wrong types deserves a 400 that says which field is wrong.
/// </summary>
internal static class ActivityShape
{
    /// <summary>Nesting far beyond any real activity (cards included); deeper bodies are refused unread.</summary>
    public const int MaxDepth = 64;

    private static readonly string[] TextFields =
        ["type", "id", "text", "serviceUrl", "channelId", "replyToId", "locale", "textFormat", "deliveryMode", "inputHint", "timestamp", "localTimestamp", "name", "action"];

    private static readonly string[] AccountFields = ["from", "recipient"];

    private static readonly string[] ListFields = ["entities", "attachments", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved"];

    /// <summary>
    /// What the edge needs of an activity (its conversation, as its channel and conversation id since ids are only
    /// unique within a channel; its serviceUrl and delivery mode), or the reason the body is not a usable activity.
    /// </summary>
    public static (ActivitySummary? Activity, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return (null, "The body is not JSON, or it is nested too deeply.");
        }

        using (document)
        {
            var activity = document.RootElement;
            if (activity.ValueKind != JsonValueKind.Object)
            {
                return (null, "An activity is a JSON object.");
            }

            foreach (var field in TextFields)
            {
                if (activity.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return (null, $"The activity's \"{field}\" must be a string.");
                }
            }

            foreach (var field in ListFields)
            {
                if (activity.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
                {
                    return (null, $"The activity's \"{field}\" must be an array.");
                }
            }

            foreach (var field in AccountFields)
            {
                if (activity.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && IdOf(value) is null)
                {
                    return (null, $"The activity's \"{field}\" must be an object with a string \"id\".");
                }
            }

            if (!activity.TryGetProperty("type", out var type) || string.IsNullOrWhiteSpace(TextOf(type)))
            {
                return (null, "The activity needs a \"type\".");
            }

            if (!activity.TryGetProperty("from", out var from) || IdOf(from) is null)
            {
                return (null, "The activity needs a sender: \"from\" with an \"id\".");
            }

            if (!activity.TryGetProperty("conversation", out var conversation) || IdOf(conversation) is not { } conversationId)
            {
                return (null, "The activity needs a \"conversation\" with an \"id\".");
            }

            // A message carries something to read: text, attachments (a picture sent instead of a question, which
            // gets a reply saying so) or a value (a card button's payload). One with none of them is malformed.
            if (string.Equals(TextOf(type), "message", StringComparison.Ordinal)
                && !HasValue(activity, "text") && !HasItems(activity, "attachments") && !HasValue(activity, "value"))
            {
                return (null, "A message needs \"text\", \"attachments\" or a \"value\".");
            }

            var channel = activity.TryGetProperty("channelId", out var channelId) ? TextOf(channelId) : null;
            var serviceUrl = activity.TryGetProperty("serviceUrl", out var url) ? TextOf(url) : null;
            var deliveryMode = activity.TryGetProperty("deliveryMode", out var mode) ? TextOf(mode) : null;
            return (new ActivitySummary((channel ?? string.Empty) + "/" + conversationId, channel, serviceUrl, deliveryMode), null);
        }
    }

    /// <summary>
    /// The longest account or conversation id accepted. Channel ids (Teams thread ids included) are a few hundred
    /// characters; a longer one would only inflate the per-conversation limiter's keys.
    /// </summary>
    public const int MaxIdLength = 4096;

    private static bool HasValue(JsonElement activity, string field) =>
        activity.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    private static bool HasItems(JsonElement activity, string field) =>
        activity.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    /// <summary>The account's or conversation's id, or null when it has none usable.</summary>
    private static string? IdOf(JsonElement account)
    {
        var value = account.ValueKind == JsonValueKind.Object && account.TryGetProperty("id", out var id) ? TextOf(id) : null;
        return string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength ? null : value;
    }

    /// <summary>A JSON string's text, or null when the value is not a string or escapes a lone surrogate.</summary>
    private static string? TextOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
