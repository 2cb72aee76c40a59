using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Edge;

/// <summary>
/// With an app id, requests are authenticated before they count against their conversation's limit: strangers who
/// know a Teams conversation's id cannot use up its messages, and each refusal is logged as one rate-limited line.
/// </summary>
public sealed class AuthenticateFirstTests : IAsyncLifetime
{
    private const string ServiceUrl = "http://127.0.0.1:9/";
    private const string TeamsConversation = "19:meeting_victim@thread.v2";

    private readonly RecordingLoggerProvider _logs = new();
    private LocalTokenIssuer _issuer = null!;
    private RegisteredBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync();
        _bot = new RegisteredBotFactory();
        _bot.With("ToBotFromChannelOpenIdMetadataUrl", _issuer.MetadataUrl)
            .With("ToBotFromEmulatorOpenIdMetadataUrl", _issuer.MetadataUrl)
            .With("ToBotFromChannelTokenIssuer", LocalTokenIssuer.ChannelIssuer)
            .With("ToChannelFromBotLoginUrl", "https://login.microsoftonline.com/botframework.com")
            .With("ToChannelFromBotOAuthScope", "https://api.botframework.com")
            .With("OAuthUrl", "https://api.botframework.com")
            .With("CallerId", "urn:botframework:azure")
            .With("Limits:PerConversation:Burst", "3")
            .With("Limits:PerConversation:PerSecond", "1");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Unauthenticated_posts_naming_a_conversation_get_401_and_leave_its_genuine_messages_answered()
    {
        await using var app = _bot.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
        using var client = app.CreateClient();

        // The attack of the probe: two dozen posts naming the victim's conversation, with no token or a forged one.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 24; i++)
        {
            using var response = await client.SendAsync(Post(i % 2 == 0 ? null : "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln"));
            statuses.Add(response.StatusCode);
        }

        // The conversation's own channel, with a valid token, is still answered, up to the conversation's burst.
        var genuine = _issuer.ChannelToken(RegisteredBotFactory.AppId, ServiceUrl);
        var answered = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Post(genuine));
            answered.Add(response.StatusCode);
            Assert.Contains(ActivityJson.Replies(await response.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(answered, status => Assert.Equal(HttpStatusCode.OK, status));

        // Refusals are logged as warnings without a stack trace, and not one line per request.
        var refusals = _logs.Entries.Where(e => e.Message.StartsWith("Refused a request from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(refusals);
        Assert.True(refusals.Count < 5, $"{refusals.Count} log lines for 24 refusals");
        Assert.All(refusals, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.All(refusals, e => Assert.Null(e.Exception));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static HttpRequestMessage Post(string? token)
    {
        var activity = ActivityJson.Message("Does Kazakhstan recognise the Taliban?", serviceUrl: ServiceUrl, deliveryMode: "expectReplies");
        activity["channelId"] = "msteams";
        activity["conversation"] = new JObject { ["id"] = TeamsConversation };
        var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath) { Content = ActivityJson.Content(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
