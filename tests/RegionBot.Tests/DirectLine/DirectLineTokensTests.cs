using System.Net;
using Newtonsoft.Json.Linq;

namespace RegionBot.Tests.DirectLine;

/// <summary>Token lifetime over HTTP: refreshing extends it, and an expired token opens nothing.</summary>
public sealed class DirectLineTokensTests : OwnBotTest
{
    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_with_a_later_expiry()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        Bot.Time.Advance(TimeSpan.FromMinutes(20));

        using var response = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var refreshed = (string)body["token"]!;
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.Equal(conversationId, (string)body["conversationId"]!);
        Assert.Equal(
            (long)DirectLineTestClient.Claims(token)["exp"]! + (long)TimeSpan.FromMinutes(20).TotalSeconds,
            (long)DirectLineTestClient.Claims(refreshed)["exp"]!);

        // Past the first token's expiry, only the refreshed one still works.
        Bot.Time.Advance(TimeSpan.FromMinutes(15));
        using var withOld = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, refreshed);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task An_expired_token_gets_403_and_cannot_be_refreshed()
    {
        var (conversationId, token, _) = await Client.StartConversationAsync();
        Bot.Time.Advance(TimeSpan.FromMinutes(31));

        using var read = await Client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var refresh = await Client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        // DirectLineJS reads 403 as "this token has expired".
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }
}
