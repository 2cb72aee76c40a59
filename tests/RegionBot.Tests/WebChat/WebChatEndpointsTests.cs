using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using RegionBot.Tests.DirectLine;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// The chat page and its token endpoint: the bot serves the page and the Web Chat bundle itself, and hands the page
/// a token for its local Direct Line, or, with a Direct Line secret, one from Azure without revealing the secret.
/// </summary>
public sealed class WebChatEndpointsTests
{
    [Fact]
    public async Task The_page_and_the_web_chat_bundle_are_served_by_the_bot_with_nothing_from_elsewhere()
    {
        await using var bot = new RegionBotFactory();
        using var client = bot.CreateClient();

        using var page = await client.GetAsync("/");
        using var bundle = await client.GetAsync("/webchat/webchat.js");
        using var script = await client.GetAsync("/webchat/chat.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>RegionBot</title>", html, StringComparison.Ordinal);
        var sources = Regex.Matches(html, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["webchat/webchat.js", "webchat/chat.js"], sources);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("renderWebChat", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Without_a_secret_the_page_gets_a_token_for_the_bots_own_direct_line()
    {
        using var bot = new KestrelBotFactory().Start();
        using var client = bot.NewClient();

        using var response = await client.PostAsync("/api/directline/token", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new Uri(bot.BaseAddress, "/v3/directline").ToString(), (string)body["domain"]!);
        using var start = await new DirectLineTestClient(client).SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)body["token"]!);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal((string)body["conversationId"]!, (string)JObject.Parse(await start.Content.ReadAsStringAsync())["conversationId"]!);
    }

    [Fact]
    public async Task With_a_secret_the_page_gets_an_azure_token_and_never_the_secret()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync();
        await using var bot = new RegisteredBotFactory()
            .With("DirectLine:Secret", FakeAzureDirectLine.Secret)
            .With("DirectLine:Endpoint", azure.Endpoint);
        using var client = bot.CreateClient();

        using var response = await client.PostAsync("/api/directline/token", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FakeAzureDirectLine.Secret, text, StringComparison.Ordinal);
        var body = JObject.Parse(text);
        Assert.Equal(FakeAzureDirectLine.IssuedToken, (string)body["token"]!);
        Assert.Equal(FakeAzureDirectLine.ConversationId, (string)body["conversationId"]!);
        Assert.Equal(azure.Endpoint, (string)body["domain"]!);
        var call = Assert.Single(azure.Calls);
        Assert.Equal("Bearer " + FakeAzureDirectLine.Secret, call.Authorization);
        Assert.StartsWith("dl_", (string)JObject.Parse(call.Body)["user"]!["id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_azure_refuses_the_secret_the_page_gets_a_plain_error()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync();
        await using var bot = new RegisteredBotFactory()
            .With("DirectLine:Secret", "a-revoked-secret")
            .With("DirectLine:Endpoint", azure.Endpoint);
        using var client = bot.CreateClient();

        using var response = await client.PostAsync("/api/directline/token", content: null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("a-revoked-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_the_local_direct_line_and_its_connector_do_not_exist()
    {
        await using var bot = new RegisteredBotFactory();
        using var client = bot.CreateClient();
        var injected = new StringContent("""{"type":"message","text":"injected"}""", System.Text.Encoding.UTF8, "application/json");

        using var generate = await client.PostAsync("/v3/directline/tokens/generate", content: null);
        using var connector = await client.PostAsync("/v3/directline/connector/v3/conversations/any/activities", injected);
        using var pageToken = await client.PostAsync("/api/directline/token", content: null);

        Assert.Equal(HttpStatusCode.NotFound, generate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, connector.StatusCode);

        // Without a secret there is no Direct Line to offer the page in production; it says so instead of failing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageToken.StatusCode);
    }
}
