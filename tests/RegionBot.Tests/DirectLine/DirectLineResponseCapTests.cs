using Newtonsoft.Json.Linq;

namespace RegionBot.Tests.DirectLine;

/// <summary>A GET of activities is capped in size, and following its watermark yields every activity exactly once.</summary>
public sealed class DirectLineResponseCapTests() : OwnBotTest(
    ("DirectLine:MaxResponseBytes", "65536"),
    ("DirectLine:MaxActivityBytes", "32768"),
    ("Limits:PerConversation:Burst", "1000"))
{
    [Fact]
    public async Task Reading_a_long_backlog_comes_in_capped_parts_that_the_watermark_joins_without_gaps()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        var posted = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var bulky = new JObject { ["type"] = "event", ["name"] = "bulk", ["value"] = new string('v', 20_000) };
            using var response = await Client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, bulky);
            posted.Add((string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!);
        }

        var read = new List<string>();
        string? watermark = null;
        var parts = 0;
        while (true)
        {
            using var response = await Client.SendAsync(
                HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark), token);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Length <= 65536 + 1024, $"A GET answered {body.Length} bytes.");
            var set = JObject.Parse(body);
            var activities = (JArray)set["activities"]!;
            if (activities.Count == 0)
            {
                break;
            }

            parts++;
            read.AddRange(activities.Select(a => (string)a["id"]!));
            watermark = (string)set["watermark"]!;
        }

        // The welcome, then the twelve events, each once and in order, in several parts.
        Assert.True(parts >= 4, $"{parts} parts");
        Assert.Equal(posted, read.Skip(1));
        Assert.Equal(read.Distinct().Count(), read.Count);
    }
}
