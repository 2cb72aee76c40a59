using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace RegionBot.DirectLine;

/// <summary>
/// One local Direct Line conversation: its activity history, the watermark that numbers it, and the WebSocket
/// streams that are currently listening. The history is kept as the activities' JSON, bounded in count and in bytes
/// (oldest dropped first), so what it holds is exactly what it counts. Every member is thread-safe.
/// </summary>
public sealed class LocalConversation
{
    /// <summary>Stream messages waiting for a slow reader; a reader this far behind is disconnected and resumes by watermark.</summary>
    private const int MaxQueuedMessages = 64;

    private readonly object _gate = new();
    private readonly LinkedList<(long Sequence, byte[] Json)> _history = new();
    private readonly List<Channel<byte[]>> _listeners = [];
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;
    private long _sequence;
    private long _bytes;
    private bool _closed;
    private DateTimeOffset _lastUsed;

    public LocalConversation(string id, string userId, string address, DirectLineOptions options, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        Address = address;
        _options = options;
        _time = time;
        StartedAt = time.GetUtcNow();
        _lastUsed = StartedAt;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The client address that started the conversation, which its per-address cap counts against.</summary>
    public string Address { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastUsed
    {
        get
        {
            lock (_gate)
            {
                return _lastUsed;
            }
        }
    }

    /// <summary>The bytes of activity JSON the conversation holds.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Whether the conversation has lived past the hard maximum age, however active it is.</summary>
    public bool IsPastMaxAge => _time.GetUtcNow() - StartedAt >= _options.MaxConversationAge;

    /// <summary>Marks the conversation as in use, which postpones its idle expiry.</summary>
    public void Touch()
    {
        lock (_gate)
        {
            _lastUsed = _time.GetUtcNow();
        }
    }

    /// <summary>
    /// Adds an activity to the history, giving it the next id in the conversation, and pushes it to every open
    /// stream. Returns the assigned id and by how many bytes the history grew (negative when older activities
    /// made way), or a null id when the conversation is closed.
    /// </summary>
    public (string? Id, long Growth) Append(Activity activity)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return (null, 0);
            }

            _sequence++;
            activity.Id = $"{Id}|{_sequence:D7}";
            activity.Conversation ??= new ConversationAccount(id: Id);

            // The service's clock stamps every activity, as Azure's Direct Line does, so that the transcript is
            // ordered by one clock whatever the sender claimed.
            activity.Timestamp = _time.GetUtcNow();
            var json = DirectLineJson.Serialize(activity);
            var before = _bytes;
            _history.AddLast((_sequence, json));
            _bytes += json.Length;
            while (_history.Count > 1 && (_history.Count > _options.MaxActivitiesPerConversation || _bytes > _options.MaxBytesPerConversation))
            {
                _bytes -= _history.First!.Value.Json.Length;
                _history.RemoveFirst();
            }

            _lastUsed = _time.GetUtcNow();
            var message = DirectLineJson.ActivitySet([json], _sequence);
            foreach (var listener in _listeners.ToArray())
            {
                if (!listener.Writer.TryWrite(message))
                {
                    // This reader has fallen too far behind to be kept up to date in bounded memory; closing its
                    // stream makes DirectLineJS reconnect and resume from its watermark.
                    _listeners.Remove(listener);
                    listener.Writer.TryComplete();
                }
            }

            return (activity.Id, _bytes - before);
        }
    }

    /// <summary>
    /// The activities after the watermark (all of them for no watermark), at most the configured response size
    /// (always at least one), and the watermark to ask from next: the last activity returned.
    /// </summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark) Since(long? watermark)
    {
        lock (_gate)
        {
            _lastUsed = _time.GetUtcNow();
            var (parts, _) = Pages(watermark ?? 0, maxPages: 1);
            return parts.Count == 0 ? ([], _sequence) : parts[0];
        }
    }

    /// <summary>
    /// Opens a stream: the backlog after the watermark is queued first (in parts of bounded size), then every new
    /// activity, with no gap or duplicate between the two because both happen under the same lock.
    /// </summary>
    public ChannelReader<byte[]>? Listen(long? watermark)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueuedMessages)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            var (parts, complete) = Pages(watermark ?? 0, maxPages: MaxQueuedMessages / 2);
            foreach (var (activities, mark) in parts)
            {
                channel.Writer.TryWrite(DirectLineJson.ActivitySet(activities, mark));
            }

            if (!complete)
            {
                // A backlog longer than half the queue is sent in part and the stream then ends, so that the client
                // reconnects from the watermark it reached instead of missing the activities in between.
                channel.Writer.TryComplete();
                return channel.Reader;
            }

            _listeners.Add(channel);
            _lastUsed = _time.GetUtcNow();
            return channel.Reader;
        }
    }

    public void StopListening(ChannelReader<byte[]> reader)
    {
        lock (_gate)
        {
            var channel = _listeners.Find(listener => ReferenceEquals(listener.Reader, reader));
            if (channel is not null)
            {
                _listeners.Remove(channel);
                channel.Writer.TryComplete();
            }
        }
    }

    /// <summary>Ends the conversation: open streams complete and the history is released. Returns the bytes released.</summary>
    public long Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var listener in _listeners)
            {
                listener.Writer.TryComplete();
            }

            _listeners.Clear();
            _history.Clear();
            var released = _bytes;
            _bytes = 0;
            return released;
        }
    }

    /// <summary>
    /// The history after a sequence number cut into parts of at most the response size, each with the watermark
    /// of its last activity. Called under the lock.
    /// </summary>
    private (List<(IReadOnlyList<byte[]> Activities, long Watermark)> Parts, bool Complete) Pages(long after, int maxPages)
    {
        var parts = new List<(IReadOnlyList<byte[]>, long)>();
        var current = new List<byte[]>();
        long size = 0;
        long last = after;
        foreach (var (sequence, json) in _history)
        {
            if (sequence <= after)
            {
                continue;
            }

            if (current.Count > 0 && size + json.Length > _options.MaxResponseBytes)
            {
                parts.Add((current, last));
                if (parts.Count == maxPages)
                {
                    return (parts, false);
                }

                current = [];
                size = 0;
            }

            current.Add(json);
            size += json.Length;
            last = sequence;
        }

        if (current.Count > 0)
        {
            // The final part's watermark is the conversation's, which also covers activities dropped from the history.
            parts.Add((current, _sequence));
        }

        return (parts, true);
    }
}
