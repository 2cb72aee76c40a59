using System.Globalization;
using System.Net;
using System.Text;
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

    /// <summary>
    /// Reads an activity from a request body. Returns null for the activity and the error to answer with when the
    /// body is too large or is not a JSON activity.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        var tooLarge = LocalDirectLineEndpoints.Error(
            HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", $"The activity is larger than {maxBytes:N0} bytes.");
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        string body;
        try
        {
            // The count covers servers without the size feature (and chunked bodies): reading stops at the limit.
            using var reader = new StreamReader(request.Body);
            var buffer = new char[maxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (read > maxBytes)
            {
                return (null, tooLarge);
            }

            body = new string(buffer, 0, read);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
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

    /// <summary>An activity's JSON as UTF-8, the form a conversation keeps it in.</summary>
    public static byte[] Serialize(Activity activity) =>
        Encoding.UTF8.GetBytes(JObject.FromObject(activity, Serializer).ToString(Formatting.None));

    /// <summary>
    /// The message Direct Line sends for a batch of activities, over GET and over the WebSocket: the activities'
    /// kept JSON joined into {"activities":[...],"watermark":"n"} as UTF-8.
    /// </summary>
    public static byte[] ActivitySet(IReadOnlyCollection<byte[]> activities, long watermark)
    {
        var mark = Encoding.UTF8.GetBytes("],\"watermark\":\"" + watermark.ToString(CultureInfo.InvariantCulture) + "\"}");
        using var set = new MemoryStream(ActivitiesOpening.Length + activities.Sum(a => a.Length + 1) + mark.Length);
        set.Write(ActivitiesOpening);
        var first = true;
        foreach (var activity in activities)
        {
            if (!first)
            {
                set.WriteByte((byte)',');
            }

            set.Write(activity);
            first = false;
        }

        set.Write(mark);
        return set.ToArray();
    }

    private static readonly byte[] ActivitiesOpening = Encoding.UTF8.GetBytes("{\"activities\":[");
}
