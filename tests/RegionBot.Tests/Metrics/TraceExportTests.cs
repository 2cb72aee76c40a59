using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Metrics;

/// <summary>
/// An operator who names an OTLP collector gets the bot's request traces there; one who names none gets no
/// exporter at all.
/// </summary>
public sealed class TraceExportTests
{
    [Fact]
    public async Task A_turn_is_traced_to_the_configured_collector_over_otlp()
    {
        var received = new ConcurrentQueue<(string ContentType, long Length)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/traces", (HttpRequest request) =>
        {
            received.Enqueue((request.ContentType ?? string.Empty, request.ContentLength ?? 0));
            return Results.Ok();
        });
        await collector.StartAsync();
        var address = collector.Urls.Single();

        await using var bot = new RegionBotFactory().With("Tracing:OtlpEndpoint", address + "/v1/traces");
        using var client = bot.CreateClient();
        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message("Does Kazakhstan recognise the Taliban?", deliveryMode: "expectReplies")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The exporter sends in batches, every few seconds.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(received.TryPeek(out var export), "The collector received no traces within a minute.");
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.True(export.Length > 0);
    }

    [Fact]
    public void A_collector_address_that_is_not_an_http_url_stops_the_start()
    {
        var logs = new RecordingLoggerProvider();
        using var bot = new RegionBotFactory()
            .With("Tracing:OtlpEndpoint", "collector:4318")
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));

        // Which exception the test host reports for a failed start varies, so the reason is looked for in both it
        // and the log.
        var failure = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        var reported = failure + string.Concat(logs.Entries.Select(e => e.Message + e.Exception));
        Assert.Contains("Tracing:OtlpEndpoint must be empty or an absolute http(s) URL", reported, StringComparison.Ordinal);
    }
}
