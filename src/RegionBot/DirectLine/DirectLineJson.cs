using System.Net;
using Microsoft.AspNetCore.Http.Features;
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

    /// <summary>The largest activity a client or the bot may post; a chat message is far smaller.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>
    /// Reads an activity from a request body. Returns null for the activity and the error to answer with when the
    /// body is too large or is not a JSON activity.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes;
        }

        string body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, LocalDirectLineEndpoints.Error(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", "The activity is too large."));
        }

        try
        {
            if (JsonConvert.DeserializeObject<Activity>(body, Settings) is { } activity)
            {
                return (activity, null);
            }
        }
        catch (JsonException)
        {
            // Answered below like any other body that is not an activity.
        }

        return (null, LocalDirectLineEndpoints.Error(HttpStatusCode.BadRequest, "BadArgument", "The body is not a JSON activity."));
    }

    private static JObject ToJson(Activity activity) => JObject.FromObject(activity, Serializer);

    /// <summary>The message Direct Line sends for a batch of activities, over GET and over the WebSocket.</summary>
    public static string ActivitySet(IEnumerable<Activity> activities, long watermark) =>
        new JObject
        {
            ["activities"] = new JArray(activities.Select(ToJson)),
            ["watermark"] = watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.ToString(Formatting.None);
}
