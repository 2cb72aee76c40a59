using System.Net;
using System.Text.Json;
using RegionBot.Admin;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Health;

/// <summary>
/// What <c>/healthz</c> tells whom: anyone gets the status and the counts; file paths, hashes, a refused reload's
/// files and lines and a failing check's error only go to a caller with the admin key.
/// </summary>
public sealed class HealthDetailsTests
{
    private const string AdminKey = "health-details-test-key-0123456789abcdef";

    [Fact]
    public async Task Without_the_admin_key_healthz_holds_the_status_and_counts_only()
    {
        using var copy = new KnowledgeCopy();
        await using var bot = copy.Factory().With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = bot.CreateClient();

        using var response = await client.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        var fields = body.RootElement.EnumerateObject().Select(field => field.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["checks", "countries", "indexAgeSeconds", "passages", "semantic", "sources", "status"], fields.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(copy.KnowledgePath, text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("checks").GetProperty("knowledge").ValueKind);
        Assert.False(body.RootElement.GetProperty("checks").GetProperty("knowledge").TryGetProperty("description", out _));
    }

    [Fact]
    public async Task With_the_admin_key_healthz_adds_the_details_and_a_wrong_key_does_not()
    {
        using var copy = new KnowledgeCopy();
        await using var bot = copy.Factory().With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = bot.CreateClient();

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        wrong.Headers.Add(AdminEndpoints.KeyHeader, AdminKey + "x");
        using var wrongResponse = await client.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        right.Headers.Add(AdminEndpoints.KeyHeader, AdminKey);
        using var rightResponse = await client.SendAsync(right);

        using var withoutDetails = JsonDocument.Parse(await wrongResponse.Content.ReadAsStringAsync());
        Assert.False(withoutDetails.RootElement.TryGetProperty("contentHash", out _));
        using var details = JsonDocument.Parse(await rightResponse.Content.ReadAsStringAsync());
        Assert.Equal("ok", details.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(details.RootElement.GetProperty("contentHash").GetString()));
        Assert.Equal(JsonValueKind.Null, details.RootElement.GetProperty("lastError").ValueKind);
        Assert.Equal("The knowledge is loaded.", details.RootElement.GetProperty("checks").GetProperty("knowledge").GetProperty("description").GetString());
    }
}
