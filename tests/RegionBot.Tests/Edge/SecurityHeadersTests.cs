using System.Net;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Edge;

/// <summary>Every answer, the chat page first, carries the browser security headers.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task The_page_gets_a_content_security_policy_nosniff_and_frame_ancestors()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");
        using var api = await client.PostAsync("/v3/directline/tokens/refresh", content: null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = Directives(page);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'self'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        // Error answers carry them too.
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(api.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Frame_ancestors_is_configurable_and_production_web_chat_may_reach_azures_direct_line()
    {
        await using var factory = new RegionBotFactory()
            .With("SecurityHeaders:FrameAncestors", "'self' https://intranet.example.org")
            .With("DirectLine:Secret", "not-a-real-secret");
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");

        var policy = Directives(page);
        Assert.Equal("'self' https://intranet.example.org", policy["frame-ancestors"]);
        Assert.Equal("'self' https://directline.botframework.com wss://directline.botframework.com", policy["connect-src"]);
    }

    [Fact]
    public void A_frame_ancestors_value_that_would_inject_a_directive_stops_the_start()
    {
        using var factory = new RegionBotFactory().With("SecurityHeaders:FrameAncestors", "*; script-src *");

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
}
