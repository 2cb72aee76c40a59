using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using RegionBot.Admin;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Metrics;

/// <summary>
/// An operator's Prometheus scrapes <c>/metrics</c> with the configured key and sees the turns by outcome, the
/// search latency and the answers' confidence; without the key, or when metrics are off, there is nothing to see.
/// </summary>
public sealed class MetricsEndpointTests
{
    private const string Key = "metrics-test-key-0123456789abcdefghijkl";

    [Fact]
    public async Task A_scrape_after_a_few_turns_finds_the_turns_by_outcome_and_the_search_histograms()
    {
        await using var bot = new RegionBotFactory().With("Metrics:Enabled", "true").With("Metrics:Key", Key);
        using var client = bot.CreateClient();

        await TurnAsync(client, "Does Kazakhstan recognise the Taliban?");
        await TurnAsync(client, "What is the capital of Mongolia?");
        await TurnAsync(client, "help");

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turns = text.Split('\n').Where(line => line.StartsWith("regionbot_turns_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(turns, line => line.Contains("outcome=\"answered\"", StringComparison.Ordinal));
        Assert.Contains(turns, line => line.Contains("outcome=\"no_answer\"", StringComparison.Ordinal));
        Assert.Contains(turns, line => line.Contains("outcome=\"small_talk\"", StringComparison.Ordinal));
        Assert.Contains("regionbot_search_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("regionbot_answer_confidence_count", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_fails_is_counted_as_an_error()
    {
        // Conversation state in a Redis that is not there: every turn fails and the user gets the apology.
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var bot = new RegionBotFactory()
            .With("Metrics:Enabled", "true")
            .With("Metrics:Key", Key)
            .With("RegionBot:State:Storage", "Redis")
            .With("RegionBot:State:RedisConnection", $"127.0.0.1:{port}");
        using var client = bot.CreateClient();

        await TurnAsync(client, "Does Kazakhstan recognise the Taliban?");

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(
            text.Split('\n'),
            line => line.StartsWith("regionbot_turns_total{", StringComparison.Ordinal) && line.Contains("outcome=\"error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reloads_and_refused_reloads_are_counted()
    {
        const string AdminKey = "metrics-reload-test-admin-key-0123456789";
        using var copy = new KnowledgeCopy();
        await using var bot = copy.Factory()
            .With("Metrics:Enabled", "true")
            .With("Metrics:Key", Key)
            .With("RegionBot:Reload:AdminKey", AdminKey);
        using var client = bot.CreateClient();
        client.DefaultRequestHeaders.Add(AdminEndpoints.KeyHeader, AdminKey);

        using (var reloaded = await client.PostAsync(AdminEndpoints.ReloadPath, content: null))
        {
            Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        }

        File.WriteAllText(copy.FilePath("broken-source.md"), "---\nid: broken-source\n---\n");
        using (var refused = await client.PostAsync(AdminEndpoints.ReloadPath, content: null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        // At least: OpenTelemetry listens to every meter of that name in the process, and other tests' hosts reload too.
        var text = await ScrapeAsync(client);
        Assert.True(SampleValue(text, "regionbot_knowledge_reloads_total") >= 2, text);
        Assert.True(SampleValue(text, "regionbot_knowledge_reload_failures_total") >= 1, text);
    }

    [Fact]
    public async Task Without_the_key_the_scrape_is_refused()
    {
        await using var bot = new RegionBotFactory().With("Metrics:Enabled", "true").With("Metrics:Key", Key);
        using var client = bot.CreateClient();

        using var none = await client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key[..^1]);
        using var wrongResponse = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.DoesNotContain("regionbot_", await wrongResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_there_is_no_metrics_endpoint()
    {
        await using var bot = new RegionBotFactory();
        using var client = bot.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The value of a metric's one sample in the Prometheus text format (name, optional labels, value).</summary>
    /// <summary>
    /// The sum of a metric's samples. Other test hosts in the same process record on meters of the same name, which
    /// the exporter may show as further series of the metric, so every series counts.
    /// </summary>
    private static double SampleValue(string text, string name)
    {
        var lines = text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
            .ToList();
        Assert.NotEmpty(lines);
        return lines.Sum(line =>
        {
            var afterLabels = line[name.Length] == '{' ? line[(line.IndexOf("} ", StringComparison.Ordinal) + 2)..] : line[(name.Length + 1)..];
            return double.Parse(afterLabels.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(scrape);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task TurnAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(text, deliveryMode: "expectReplies")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
