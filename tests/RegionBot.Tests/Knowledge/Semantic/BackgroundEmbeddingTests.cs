using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Health;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>
/// Vectors that must be computed are computed in the background: the bot is healthy and answers lexically at once,
/// reports the progress in /healthz, and switches to hybrid search when the vectors are ready.
/// </summary>
public sealed class BackgroundEmbeddingTests : IDisposable
{
    private const string Direct = "Does Kazakhstan recognise the Taliban?";
    private const string Paraphrase = "Did Kazakhstan's leader and the Kremlin chief talk about buying weapons?";

    private readonly KnowledgeCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public async Task The_bot_is_healthy_and_answers_before_the_vectors_are_ready_then_searches_by_meaning()
    {
        var embedder = new GatedEmbedder(open: false);
        var options = new SearchOptions { IndexPath = copy.IndexPath };

        // Every missing vector goes to the background, as at a first start with large knowledge.
        using var store = KnowledgeStore.Open(copy.KnowledgePath, options, null, new SemanticOptions { MaxPassagesEmbeddedBeforeSwap = 0 }, embedder);
        await using var app = await HealthApp(store);
        using var client = app.GetTestClient();

        var waiting = await Semantic(client);
        Assert.False(waiting.GetProperty("ready").GetBoolean());
        Assert.Equal(0, waiting.GetProperty("embedded").GetInt32());
        Assert.Equal(store.Status.Passages, waiting.GetProperty("total").GetInt32());
        Assert.True(store.Search(Direct).HasAnswer);
        Assert.False(store.Search(Paraphrase).HasAnswer);
        Assert.Contains("semantic leg: not ready", store.Explain(Paraphrase), StringComparison.Ordinal);

        embedder.Open();
        await store.SemanticReady.WaitAsync(TimeSpan.FromMinutes(2));

        var ready = await Semantic(client);
        Assert.True(ready.GetProperty("ready").GetBoolean());
        Assert.Equal(store.Status.Passages, ready.GetProperty("embedded").GetInt32());
        Assert.Equal("trt-kz-6", store.Search(Paraphrase).Hits[0].Passage.Id);
        Assert.Contains("semantic leg: used", store.Explain(Paraphrase), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_reports_the_semantic_leg_off_when_it_is_disabled()
    {
        using var store = KnowledgeStore.Open(copy.KnowledgePath, new SearchOptions { IndexPath = copy.IndexPath }, null, new SemanticOptions { Enabled = false });
        await using var app = await HealthApp(store);
        using var client = app.GetTestClient();

        var semantic = await Semantic(client);

        Assert.False(semantic.GetProperty("enabled").GetBoolean());
        Assert.False(semantic.GetProperty("ready").GetBoolean());
        Assert.True(store.Search(Direct).HasAnswer);
        Assert.False(store.Search(Paraphrase).HasAnswer);
    }

    private static async Task<WebApplication> HealthApp(KnowledgeStore store)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHealth();
        builder.Services.AddSingleton<KnowledgeReadiness>();
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapHealth();
        app.Services.GetRequiredService<KnowledgeReadiness>().MarkLoaded(store);
        await app.StartAsync();
        return app;
    }

    private static async Task<JsonElement> Semantic(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("semantic").Clone();
    }
}
