using System.Net;
using System.Net.Http.Headers;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// With an app id configured, tokens signed by a local stand-in for the Bot Framework's token service: only a
/// valid one, for this bot, this service URL and still in date, gets an answer; every other gets 401.
/// </summary>
public sealed class SignedTokenAuthenticationTests(SignedTokenAuthenticationTests.Fixture fixture)
    : IClassFixture<SignedTokenAuthenticationTests.Fixture>
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";
    private const string ServiceUrl = "http://127.0.0.1:9/";

    [Fact]
    public async Task A_valid_channel_token_gets_the_answer()
    {
        using var response = await PostAsync(fixture.Issuer.ChannelToken(RegisteredBotFactory.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = ActivityJson.Replies(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("> “", (string)replies.Single(r => (string)r["type"]! == "message")["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        using var response = await PostAsync(fixture.Issuer.ChannelToken(RegisteredBotFactory.AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-30)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_bot_gets_401()
    {
        using var response = await PostAsync(fixture.Issuer.ChannelToken("0b8a1f0e-1111-4c2d-9e3f-5a6b7c8d9e0f", ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_service_url_gets_401()
    {
        using var response = await PostAsync(fixture.Issuer.ChannelToken(RegisteredBotFactory.AppId, "https://attacker.example/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_gets_401()
    {
        using var response = await PostAsync(fixture.Issuer.ChannelToken(RegisteredBotFactory.AppId, ServiceUrl, issuer: "https://issuer.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_gets_401()
    {
        using var response = await PostAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string? token)
    {
        using var client = fixture.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = ActivityJson.Content(ActivityJson.Message(Question, serviceUrl: ServiceUrl, deliveryMode: "expectReplies")),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The local token issuer and the registered bot pointed at it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public LocalTokenIssuer Issuer { get; private set; } = null!;

        public RegisteredBotFactory Bot { get; } = new();

        public async Task InitializeAsync()
        {
            Issuer = await LocalTokenIssuer.StartAsync();
            // Setting any one of the SDK's endpoint settings switches it to taking all of them from configuration,
            // so the public cloud's values are given for the rest.
            Bot.With("ToBotFromChannelOpenIdMetadataUrl", Issuer.MetadataUrl);
            Bot.With("ToBotFromEmulatorOpenIdMetadataUrl", Issuer.MetadataUrl);
            Bot.With("ToBotFromChannelTokenIssuer", LocalTokenIssuer.ChannelIssuer);
            Bot.With("ToChannelFromBotLoginUrl", "https://login.microsoftonline.com/botframework.com");
            Bot.With("ToChannelFromBotOAuthScope", "https://api.botframework.com");
            Bot.With("OAuthUrl", "https://api.botframework.com");
            Bot.With("CallerId", "urn:botframework:azure");
        }

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }
}
