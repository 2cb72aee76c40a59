using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Hosting;

/// <summary>Stopping the bot on a real Kestrel server: the question being answered still gets its answer.</summary>
public sealed class GracefulShutdownTests
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";

    [Fact]
    public async Task A_turn_in_flight_when_the_host_stops_completes_with_its_answer_and_the_index_is_released()
    {
        using var copy = new KnowledgeCopy();
        var factory = copy.Factory();
        var slow = new SlowSearchGate();
        var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPassageSearch>(provider => new SlowSearch(provider.GetRequiredService<KnowledgeStore>(), slow))));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var indexFolder = app.Services.GetRequiredService<KnowledgeStore>().Status.IndexFolder;
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var turn = client.PostAsync(
            BotEndpoints.MessagesPath,
            ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(OpenIndexFiles(indexFolder));

        var stopping = app.DisposeAsync().AsTask();
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted, "the host stopped without waiting for the turn in flight");
        slow.Release.SetResult();

        using var response = await turn.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        await factory.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(ActivityJson.Replies(await response.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
        Assert.StartsWith("> “", (string)message["text"]!, StringComparison.Ordinal);
        Assert.Empty(OpenIndexFiles(indexFolder));
    }

    /// <summary>
    /// The index files this process still has open or mapped, read from /proc: what the container's disposal of
    /// the knowledge store must release.
    /// </summary>
    private static string[] OpenIndexFiles(string indexFolder)
    {
        var open = Directory.GetFiles("/proc/self/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget; } catch (IOException) { return null; } })
            .OfType<string>();
        var mapped = File.ReadAllLines("/proc/self/maps").Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(5) ?? string.Empty);
        return open.Concat(mapped)
            .Where(path => path.StartsWith(indexFolder, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private sealed class SlowSearchGate
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The real search, held at its start until the test lets it go, so a turn is reliably in flight.</summary>
    private sealed class SlowSearch(IPassageSearch inner, SlowSearchGate gate) : IPassageSearch
    {
        public SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default)
        {
            gate.Started.TrySetResult();
            gate.Release.Task.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return inner.Search(question, context, mode, cancellationToken);
        }
    }
}
