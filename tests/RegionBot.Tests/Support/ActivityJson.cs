using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RegionBot.Tests.Support;

/// <summary>Activities as a channel sends them over HTTP, and reading the bot's replies back.</summary>
public static class ActivityJson
{
    public const string BotId = "regionbot";
    public const string UserId = "user-1";

    /// <summary>A message activity shaped like the ones the Bot Framework Emulator posts.</summary>
    public static JObject Message(string text, string serviceUrl = "http://127.0.0.1:9/", string? deliveryMode = null)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JObject { ["id"] = UserId, ["name"] = "Tester", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = BotId, ["name"] = "RegionBot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N") },
            ["text"] = text,
            ["locale"] = "en-US",
        };
        if (deliveryMode is not null)
        {
            activity["deliveryMode"] = deliveryMode;
        }

        return activity;
    }

    public static StringContent Content(JToken activity) =>
        new(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");

    /// <summary>The activities in an expectReplies response body.</summary>
    public static IReadOnlyList<JObject> Replies(string responseBody) =>
        JObject.Parse(responseBody)["activities"]!.Children<JObject>().ToArray();
}
