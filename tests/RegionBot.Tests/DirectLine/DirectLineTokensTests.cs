using System.Net;
using Newtonsoft.Json.Linq;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>Token lifetime over HTTP: refreshing extends it, and an expired token opens nothing.</summary>
public sealed class DirectLineTokensTests : IDisposable
{
    private readonly KestrelBotFactory _bot = new KestrelBotFactory().Start();
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _directLine;

    public DirectLineTokensTests()
    {
        _http = _bot.NewClient();
        _directLine = new DirectLineTestClient(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _bot.Dispose();
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_with_a_later_expiry()
    {
        var (conversationId, token, _) = await _directLine.StartConversationAsync();
        _bot.Time.Advance(TimeSpan.FromMinutes(20));

        using var response = await _directLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var refreshed = (string)body["token"]!;
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.Equal(conversationId, (string)body["conversationId"]!);
        Assert.Equal(
            (long)DirectLineTestClient.Claims(token)["exp"]! + (long)TimeSpan.FromMinutes(20).TotalSeconds,
            (long)DirectLineTestClient.Claims(refreshed)["exp"]!);

        // Past the first token's expiry, only the refreshed one still works.
        _bot.Time.Advance(TimeSpan.FromMinutes(15));
        using var withOld = await _directLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        var (activities, _) = await _directLine.GetActivitiesAsync(conversationId, refreshed);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task An_expired_token_gets_403_and_cannot_be_refreshed()
    {
        var (conversationId, token, _) = await _directLine.StartConversationAsync();
        _bot.Time.Advance(TimeSpan.FromMinutes(31));

        using var read = await _directLine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var refresh = await _directLine.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        // DirectLineJS reads 403 as "this token has expired".
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }
}
