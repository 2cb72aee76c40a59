using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RegionBot.DirectLine;

/// <summary>
/// Reads and writes activities with Newtonsoft.Json, as the Bot Framework schema is annotated for it
/// (System.Text.Json would lose channelData and the property names).
/// </summary>
public static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>Reads an activity from a request body, or returns null when the body is not a JSON activity.</summary>
    public static async Task<Activity?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        try
        {
            return JsonConvert.DeserializeObject<Activity>(body, Settings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JObject ToJson(Activity activity) => JObject.FromObject(activity, Serializer);

    /// <summary>The message Direct Line sends for a batch of activities, over GET and over the WebSocket.</summary>
    public static string ActivitySet(IEnumerable<Activity> activities, long watermark) =>
        new JObject
        {
            ["activities"] = new JArray(activities.Select(ToJson)),
            ["watermark"] = watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.ToString(Formatting.None);

    public static IResult Result(object value) =>
        Results.Content(JsonConvert.SerializeObject(value, Settings), "application/json");
}
