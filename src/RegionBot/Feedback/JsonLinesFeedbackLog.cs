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

    private const int MaxOpenAttempts = 50;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    // Turns run concurrently: one writer at a time in this process. Other processes (bot instances, the report
    // command) are kept out by opening the file exclusively (FileShare.None, an exclusive file lock on Linux too)
    // and retrying briefly while another holds it; an entry is one short write, so the wait is short.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public string Path { get; } = path;

    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry with { Timestamp = entry.Timestamp.ToUniversalTime() }, Json) + "\n");
        await _writer.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var file = await OpenAsync(FileMode.Append, FileAccess.Write, FileShare.None, cancellationToken);
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
        await using var file = await OpenAsync(FileMode.Open, FileAccess.Read, FileShare.ReadWrite, cancellationToken);
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

    /// <summary>Opens the log, waiting briefly while another process holds it exclusively for a write.</summary>
    private async Task<FileStream> OpenAsync(FileMode mode, FileAccess access, FileShare share, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(Path, mode, access, share, bufferSize: 1, useAsync: true);
            }
            catch (IOException busy) when (busy is not FileNotFoundException and not DirectoryNotFoundException && attempt < MaxOpenAttempts)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
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
