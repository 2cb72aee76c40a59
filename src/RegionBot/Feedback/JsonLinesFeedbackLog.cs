using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegionBot.Feedback;

/// <summary>
/// The feedback log as an append-only JSON Lines file: one entry per line, never rewritten, easy to read with any
/// tool and to copy between machines.
/// </summary>
public sealed class JsonLinesFeedbackLog(string path) : IFeedbackLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Turns run concurrently; one writer at a time in this process keeps lines whole. Other processes writing the
    // same file are kept apart by appending each line with a single write in append mode, which the operating
    // system does not interleave for lines this short.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public string Path { get; } = path;

    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry with { Timestamp = entry.Timestamp.ToUniversalTime() }, Json) + "\n");
        await _writer.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, useAsync: true);
            await file.WriteAsync(line, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<FeedbackLogContents> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return new FeedbackLogContents([], 0);
        }

        var entries = new List<FeedbackEntry>();
        var unreadable = 0;
        await using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParse(line) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                unreadable++;
            }
        }

        return new FeedbackLogContents(entries, unreadable);
    }

    private static FeedbackEntry? TryParse(string line)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<FeedbackEntry>(line, Json);
            return entry is { Question: not null, PassageIds: not null } ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
