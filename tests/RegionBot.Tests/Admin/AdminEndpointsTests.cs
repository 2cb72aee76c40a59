using System.Net;
using System.Text.Json;
using RegionBot.Admin;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Admin;

/// <summary>POST /admin/reload: off without a configured key, and only for a caller presenting it.</summary>
public sealed class AdminEndpointsTests
{
    private const string AdminKey = "correct-horse-battery-staple-and-more-words";

    [Fact]
    public async Task Without_a_configured_key_the_endpoint_does_not_exist()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Reload(AdminKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("correct-horse-battery-staple-and-more-word")]
    [InlineData("correct-horse-battery-staple-and-more-words ")]
    [InlineData("CORRECT-HORSE-BATTERY-STAPLE-AND-MORE-WORDS")]
    public async Task A_missing_or_wrong_key_gets_401(string? key)
    {
        await using var factory = new RegionBotFactory().With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Reload(key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_configured_key_reloads_and_reports_invalid_knowledge_with_422()
    {
        using var copy = new KnowledgeCopy();
        await using var factory = copy.Factory()
            .With("RegionBot:Reload:AdminKey", AdminKey)
            .With("RegionBot:Reload:WatchKnowledge", "false");
        using var client = factory.CreateClient();

        using (var unchanged = await client.SendAsync(Reload(AdminKey)))
        {
            Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
            using var body = JsonDocument.Parse(await unchanged.Content.ReadAsStringAsync());
            Assert.False(body.RootElement.GetProperty("changed").GetBoolean());
        }

        File.WriteAllText(copy.FilePath("half-written.md"), "---\nid: half-written\n");

        using var refused = await client.SendAsync(Reload(AdminKey));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("half-written.md:", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Reload(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoints.ReloadPath);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(AdminEndpoints.KeyHeader, key);
        }

        return request;
    }
}
