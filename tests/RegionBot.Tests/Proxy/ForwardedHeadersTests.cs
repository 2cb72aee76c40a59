using System.Net;
using Newtonsoft.Json.Linq;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Proxy;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the web chat must hand out an https Direct Line address and the
/// per-address limits must see each user's address; but only a configured proxy is believed.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task From_a_configured_proxy_the_forwarded_scheme_is_honoured()
    {
        using var bot = new KestrelBotFactory();
        bot.With("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        bot.Start();
        using var client = bot.NewClient();

        var domain = await PageDomainAsync(client);

        Assert.StartsWith("https://", domain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        using var bot = new KestrelBotFactory().Start();
        using var client = bot.NewClient();

        var domain = await PageDomainAsync(client);

        Assert.StartsWith("http://", domain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_a_configured_proxy_each_forwarded_address_has_its_own_rate_limit()
    {
        using var bot = new KestrelBotFactory();
        bot.With("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8").With("Limits:PerClient:Burst", "2").With("Limits:PerClient:PerSecond", "1");
        bot.Start();
        using var client = bot.NewClient();

        var first = await StatusesAsync(client, "203.0.113.7", 6);
        var second = await StatusesAsync(client, "203.0.113.8", 2);

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.All(second, status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
    }

    private static async Task<string> PageDomainAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["domain"]!;
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            // Limited per address, and refused (401) without a token before it does any work.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
