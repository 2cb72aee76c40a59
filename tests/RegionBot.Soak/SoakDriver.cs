using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RegionBot.Soak;

/// <summary>How big a soak to run.</summary>
public sealed record SoakSettings(int Conversations, int Turns)
{
    public static readonly SoakSettings Full = new(200, 50);
}

/// <summary>What a soak measured.</summary>
public sealed record SoakReport(
    int Conversations,
    int TurnsPerConversation,
    int Turns,
    int FailedTurns,
    int WrongConversation,
    TimeSpan Elapsed,
    TimeSpan P50,
    TimeSpan P99,
    long ManagedBytesBefore,
    long ManagedBytesAfter,
    long ResidentBytesBefore,
    long ResidentBytesAfter,
    IReadOnlyList<string> Failures)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public bool Passed => FailedTurns == 0 && WrongConversation == 0 && Turns == Conversations * TurnsPerConversation;

    public void Print(TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"conversations        {Conversations} x {TurnsPerConversation} turns, all concurrent"));
        output.WriteLine(string.Create(invariant, $"turns                {Turns}"));
        output.WriteLine(string.Create(invariant, $"failed turns         {FailedTurns}"));
        output.WriteLine(string.Create(invariant, $"wrong conversation   {WrongConversation}"));
        output.WriteLine(string.Create(invariant, $"elapsed              {Elapsed.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(invariant, $"turns/s              {TurnsPerSecond:F0}"));
        output.WriteLine(string.Create(invariant, $"latency p50          {P50.TotalMilliseconds:F1} ms"));
        output.WriteLine(string.Create(invariant, $"latency p99          {P99.TotalMilliseconds:F1} ms"));
        output.WriteLine(string.Create(invariant, $"managed memory       {Megabytes(ManagedBytesBefore)} MB before, {Megabytes(ManagedBytesAfter)} MB after"));
        output.WriteLine(string.Create(invariant, $"resident memory      {Megabytes(ResidentBytesBefore)} MB before, {Megabytes(ResidentBytesAfter)} MB after"));
        foreach (var failure in Failures.Take(20))
        {
            output.WriteLine("failure: " + failure);
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}

/// <summary>
/// Drives the bot over HTTP the way a channel under load would: many conversations at once, each asking its own
/// question turn after turn with expectReplies, checking that every reply belongs to the conversation that asked
/// and answers that conversation's question.
/// </summary>
public static class SoakDriver
{
    /// <summary>
    /// Questions about different countries and topics, so conversations asking different ones get different
    /// answers and a reply delivered to the wrong conversation shows. Each stands on its own (no "What about ...?"),
    /// so asking it again in the same conversation gets the same answer.
    /// </summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "Does Kazakhstan recognise the Taliban?",
        "What did Uzbekistan's president say about the Taliban?",
        "How is Turkmenistan working with the Taliban?",
        "How did Tajikistan respond to the Taliban?",
        "What did Kyrgyzstan do after the fall of Kabul?",
        "Did Kazakhstan mobilise its military?",
        "What humanitarian aid did Uzbekistan send to Afghanistan?",
        "Is Tajikistan worried about its border with Afghanistan?",
        "Is the TAPI pipeline going ahead?",
        "What did Kyrgyzstan say about security?",
        "What is the Termez logistics hub?",
        "Does Turkmenistan trade with Afghanistan?",
    ];

    private const string MessagesPath = "/api/messages";

    public static async Task<SoakReport> RunAsync(SoakSettings settings, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        await using var host = new SoakHost();
        host.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Conversations })
        {
            BaseAddress = host.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        progress?.WriteLine($"RegionBot listening on {host.Address}");

        // Each question's answer, from a conversation of its own, is what every later turn asking it must get back.
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in Questions)
        {
            var turn = await TurnAsync(http, "warm-up-" + Guid.NewGuid().ToString("N"), question, cancellationToken);
            expected[question] = turn.Text ?? throw new InvalidOperationException($"No answer to \"{question}\" while warming up: {turn.Problem}");
        }

        var (managedBefore, residentBefore) = Memory();
        var latencies = new ConcurrentBag<TimeSpan>();
        var failures = new ConcurrentQueue<string>();
        var failed = 0;
        var wrong = 0;
        var turns = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Conversations).Select(index => Task.Run(async () =>
        {
            var conversationId = $"soak-{index}-{Guid.NewGuid():N}";
            var question = Questions[index % Questions.Count];
            for (var number = 0; number < settings.Turns; number++)
            {
                var started = Stopwatch.GetTimestamp();
                var turn = await TurnAsync(http, conversationId, question, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref turns);
                if (turn.Problem is not null)
                {
                    Interlocked.Increment(ref failed);
                    failures.Enqueue($"{conversationId} turn {number}: {turn.Problem}");
                }
                else if (!turn.InOwnConversation || !string.Equals(turn.Text, expected[question], StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref wrong);
                    failures.Enqueue($"{conversationId} turn {number}: the reply was not this conversation's answer to \"{question}\"");
                }
            }
        }, cancellationToken)));
        clock.Stop();
        http.Dispose();

        var (managedAfter, residentAfter) = Memory();
        var sorted = latencies.Order().ToArray();
        return new SoakReport(
            settings.Conversations,
            settings.Turns,
            turns,
            failed,
            wrong,
            clock.Elapsed,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            managedBefore,
            managedAfter,
            residentBefore,
            residentAfter,
            failures.ToArray());
    }

    private sealed record Turn(string? Text, bool InOwnConversation, string? Problem);

    /// <summary>One question in one conversation, with expectReplies so the answer comes back in the response.</summary>
    private static async Task<Turn> TurnAsync(HttpClient http, string conversationId, string question, CancellationToken cancellationToken)
    {
        var activityId = Guid.NewGuid().ToString("N");
        var userId = "user-" + conversationId;
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Soak", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "regionbot", ["name"] = "RegionBot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["text"] = question,
            ["locale"] = "en-US",
        };

        try
        {
            using var content = new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(MessagesPath, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new Turn(null, false, $"HTTP {(int)response.StatusCode}");
            }

            var replies = JObject.Parse(body)["activities"]?.Children<JObject>().ToArray() ?? [];
            var messages = replies.Where(reply => (string?)reply["type"] == "message").ToArray();
            if (messages.Length != 1)
            {
                return new Turn(null, false, $"{messages.Length} message replies");
            }

            var inOwnConversation = replies.All(reply =>
                (string?)reply["conversation"]?["id"] == conversationId
                && (string?)reply["replyToId"] == activityId
                && (string?)reply["recipient"]?["id"] == userId);
            return new Turn((string?)messages[0]["text"], inOwnConversation, null);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new Turn(null, false, failure.GetType().Name + ": " + failure.Message);
        }
    }

    /// <summary>Managed heap and resident set after a full collection, so what is measured is what is still held.</summary>
    private static (long Managed, long Resident) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double share) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
