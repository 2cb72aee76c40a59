using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>POST /api/messages over HTTP, through the real CloudAdapter, as the Emulator and load tests call it.</summary>
public sealed class BotEndpointsTests(RegionBotFactory factory) : IClassFixture<RegionBotFactory>
{
    private const string Question = "What did Uzbekistan's president say about the Taliban?";

    [Fact]
    public async Task ExpectReplies_returns_the_answer_with_its_attribution_in_the_response_body()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath,
            ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = ActivityJson.Replies(await response.Content.ReadAsStringAsync());
        Assert.Equal(["typing", "message"], replies.Select(r => (string)r["type"]!));

        var expected = factory.Services.GetRequiredService<KnowledgeStore>().Search(Question);
        Assert.True(expected.HasAnswer);
        var text = (string)replies[1]["text"]!;
        Assert.Equal(AnswerText.Format(expected), text);
        Assert.Equal("markdown", (string)replies[1]["textFormat"]!);
        var top = expected.Hits[0].Passage;
        Assert.Contains(top.Source.Publisher, text, StringComparison.Ordinal);
        Assert.Contains(top.Source.Title, text, StringComparison.Ordinal);
        Assert.Equal(ActivityJson.UserId, (string)replies[1]["recipient"]!["id"]!);
    }

    [Fact]
    public async Task Opening_a_conversation_in_the_Emulator_welcomes_the_user_only()
    {
        using var client = factory.CreateClient();
        var update = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JArray(
            new JObject { ["id"] = ActivityJson.BotId, ["name"] = "RegionBot" },
            new JObject { ["id"] = ActivityJson.UserId, ["name"] = "Tester" });

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(update));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(ActivityJson.Replies(await response.Content.ReadAsStringAsync()));
        Assert.Equal(ActivityJson.UserId, (string)welcome["recipient"]!["id"]!);
        Assert.Contains("Tester", (string)welcome["text"]!, StringComparison.Ordinal);
        Assert.Equal(3, welcome["suggestedActions"]!["actions"]!.Count());
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("endOfConversation")]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    public async Task Other_activity_types_are_accepted_without_an_error_reply(string type)
    {
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        activity["type"] = type;
        activity.Remove("text");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(AdapterWithErrorHandler.ErrorReply, body, StringComparison.Ordinal);
        Assert.Empty(ActivityJson.Replies(body));
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_gets_400(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a url")]
    public async Task An_activity_without_a_usable_serviceUrl_gets_400(string? serviceUrl)
    {
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        activity["serviceUrl"] = serviceUrl is null ? JValue.CreateNull() : new JValue(serviceUrl);

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serviceUrl", null)]
    [InlineData("serviceUrl", "not a url")]
    [InlineData("conversation", null)]
    [InlineData("from", null)]
    [InlineData("recipient", null)]
    [InlineData("text", null)]
    [InlineData("channelId", null)]
    public async Task An_incomplete_activity_never_gets_a_server_error(string property, string? value)
    {
        using var client = factory.CreateClient();
        foreach (var deliveryMode in new[] { "expectReplies", null })
        {
            var activity = ActivityJson.Message(Question, deliveryMode: deliveryMode);
            activity[property] = value is null ? JValue.CreateNull() : new JValue(value);

            using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

            Assert.True((int)response.StatusCode < 500, $"{property}={value ?? "null"} ({deliveryMode ?? "normal"}) gave {response.StatusCode}");
            Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_turn_that_fails_tells_the_user_briefly_and_shows_the_Emulator_a_trace()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddTransient<IBot>(_ => new FailingBot())));
        using var client = failing.CreateClient();

        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath,
            ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = ActivityJson.Replies(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(replies, r => (string)r["type"]! == "message");
        Assert.Equal(AdapterWithErrorHandler.ErrorReply, (string)message["text"]!);
        var trace = Assert.Single(replies, r => (string)r["type"]! == "trace");
        Assert.Equal("TurnError", (string)trace["label"]!);
        Assert.DoesNotContain(" at ", (string)trace["value"]!, StringComparison.Ordinal);
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The search index is unavailable.");
    }
}

/// <summary>With a Microsoft App ID configured, only callers with a valid Bot Framework token are served.</summary>
public sealed class BotAuthenticationTests(RegisteredBotFactory factory) : IClassFixture<RegisteredBotFactory>
{
    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(
            BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message("help", deliveryMode: "expectReplies")));

        // The answer says a token is needed and nothing about why the check failed.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("A valid Bot Framework token is required.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_signed_with_someone_elses_key_gets_401()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = ActivityJson.Content(ActivityJson.Message("help", deliveryMode: "expectReplies")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ForgedChannelToken());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_malformed_authorization_header_gets_401(string header)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = ActivityJson.Content(ActivityJson.Message("help")),
        };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// A token that claims everything a Bot Connector token claims (issuer, audience, service URL, lifetime) but is
    /// signed with a freshly made key instead of the Bot Framework's.
    /// </summary>
    private static string ForgedChannelToken()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = Guid.NewGuid().ToString("N") };
        var token = new JwtSecurityToken(
            issuer: "https://api.botframework.com",
            audience: RegisteredBotFactory.AppId,
            claims: [new Claim("serviceurl", "http://127.0.0.1:9/")],
            notBefore: DateTime.UtcNow.AddMinutes(-1),
            expires: DateTime.UtcNow.AddMinutes(30),
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
