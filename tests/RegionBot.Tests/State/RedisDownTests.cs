using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.State;

/// <summary>
/// With conversation state in Redis and Redis down (a loopback port nothing listens on), a turn fails at once with
/// the apology instead of waiting out the client's default timeouts, and readiness says Redis is the problem.
/// </summary>
public sealed class RedisDownTests
{
    [Fact]
    public async Task A_turn_gets_the_apology_without_waiting_and_readiness_reports_Redis_unhealthy()
    {
        await using var bot = new RegionBotFactory()
            .With("RegionBot:State:Storage", "Redis")
            .With("RegionBot:State:RedisConnection", $"127.0.0.1:{ClosedLoopbackPort()}");
        using var client = bot.CreateClient();

        // Opens the connection (which fails) so the measured turn is a turn like any later one.
        using (await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message("hello", deliveryMode: "expectReplies"))))
        {
        }

        var clock = Stopwatch.StartNew();
        using var turn = await client.PostAsync(
            BotEndpoints.MessagesPath,
            ActivityJson.Content(ActivityJson.Message("Does Kazakhstan recognise the Taliban?", deliveryMode: "expectReplies")));
        var elapsed = clock.Elapsed;
        using var health = await client.GetAsync("/healthz");

        var replies = ActivityJson.Replies(await turn.Content.ReadAsStringAsync());
        Assert.Contains(replies, reply => (string?)reply["text"] == AdapterWithErrorHandler.ErrorReply);

        // A loose bound that still tells the fixed behaviour from the old one (5 to 6 seconds per turn).
        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"The apology took {elapsed.TotalSeconds:0.0} s.");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
    }

    [Fact]
    public async Task With_Redis_up_readiness_reports_it_healthy()
    {
        RedisTestServer.Connect().Dispose();
        await using var bot = new RegionBotFactory()
            .With("RegionBot:State:Storage", "Redis")
            .With("RegionBot:State:RedisConnection", RedisTestServer.Connection)
            .With("RegionBot:State:RedisKeyPrefix", RedisTestServer.UniquePrefix());
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    /// <summary>A loopback port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
