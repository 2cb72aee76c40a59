using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Health;
using RegionBot.Knowledge;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Health;

public sealed class HealthEndpointsTests(RegionBotFactory factory) : IClassFixture<RegionBotFactory>
{
    [Fact]
    public async Task Healthz_reports_the_loaded_knowledge()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var status = factory.Services.GetRequiredService<KnowledgeStore>().Status;
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(status.Passages > 0);
        Assert.Equal(status.Passages, body.RootElement.GetProperty("passages").GetInt32());
        Assert.Equal(status.Sources, body.RootElement.GetProperty("sources").GetInt32());
        Assert.InRange(body.RootElement.GetProperty("indexAgeSeconds").GetInt64(), 0, 600);
    }

    [Fact]
    public async Task Healthz_is_unavailable_until_the_knowledge_is_loaded_then_reports_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<KnowledgeReadiness>();
        builder.Services.AddHealth();
        await using var app = builder.Build();
        app.MapHealth();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using (var starting = await client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
            using var body = JsonDocument.Parse(await starting.Content.ReadAsStringAsync());
            Assert.Equal("loading", body.RootElement.GetProperty("status").GetString());
        }

        app.Services.GetRequiredService<KnowledgeReadiness>().MarkLoaded(factory.Services.GetRequiredService<KnowledgeStore>());

        using var loaded = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
    }

    [Fact]
    public async Task Livez_answers_while_the_process_serves_without_running_the_readiness_checks()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(HealthEndpoints.LivenessPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
