using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace RegionBot.DirectLine;

/// <summary>
/// One local Direct Line conversation: its activity history (capped), the watermark that numbers it, and the
/// WebSocket streams that are currently listening. Every member is thread-safe.
/// </summary>
public sealed class LocalConversation
{
    private readonly object _gate = new();
    private readonly LinkedList<(long Sequence, Activity Activity)> _history = new();
    private readonly List<Channel<string>> _listeners = [];
    private readonly int _maxActivities;
    private readonly TimeProvider _time;
    private long _sequence;
    private bool _closed;
    private DateTimeOffset _lastUsed;

    public LocalConversation(string id, string userId, int maxActivities, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        _maxActivities = Math.Max(1, maxActivities);
        _time = time;
        _lastUsed = time.GetUtcNow();
    }

    public string Id { get; }

    public string UserId { get; }

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

    /// <summary>Marks the conversation as in use, which postpones its idle expiry.</summary>
    public void Touch()
    {
        lock (_gate)
        {
            _lastUsed = _time.GetUtcNow();
        }
    }

    /// <summary>
    /// Adds an activity to the history, giving it the next id in the conversation, and pushes it to every
    /// open stream. Returns the assigned id.
    /// </summary>
    public string Append(Activity activity)
    {
        lock (_gate)
        {
            _sequence++;
            activity.Id = $"{Id}|{_sequence:D7}";
            activity.Conversation ??= new ConversationAccount(id: Id);

            // The service's clock stamps every activity, as Azure's Direct Line does, so that the transcript is
            // ordered by one clock whatever the sender claimed.
            activity.Timestamp = _time.GetUtcNow();
            _history.AddLast((_sequence, activity));
            while (_history.Count > _maxActivities)
            {
                _history.RemoveFirst();
            }

            _lastUsed = _time.GetUtcNow();
            var message = DirectLineJson.ActivitySet([activity], _sequence);
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(message);
            }

            return activity.Id;
        }
    }

    /// <summary>Replaces an activity that the bot updates, keeping its place; pushes the new version to streams.</summary>
    public bool Replace(string activityId, Activity activity)
    {
        lock (_gate)
        {
            for (var node = _history.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Activity.Id, activityId, StringComparison.Ordinal))
                {
                    activity.Id = activityId;
                    activity.Conversation ??= new ConversationAccount(id: Id);
                    activity.Timestamp ??= node.Value.Activity.Timestamp;
                    node.Value = (node.Value.Sequence, activity);
                    _lastUsed = _time.GetUtcNow();
                    var message = DirectLineJson.ActivitySet([activity], _sequence);
                    foreach (var listener in _listeners)
                    {
                        listener.Writer.TryWrite(message);
                    }

                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The activities after the watermark (all of them for no watermark) and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark) Since(long? watermark)
    {
        lock (_gate)
        {
            _lastUsed = _time.GetUtcNow();
            var after = watermark ?? 0;
            var activities = _history.Where(entry => entry.Sequence > after).Select(entry => entry.Activity).ToList();
            return (activities, _sequence);
        }
    }

    /// <summary>
    /// Opens a stream: the backlog after the watermark is queued first, then every new activity, with no gap
    /// or duplicate between the two because both happen under the same lock.
    /// </summary>
    public ChannelReader<string>? Listen(long? watermark)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            var after = watermark ?? 0;
            var backlog = _history.Where(entry => entry.Sequence > after).Select(entry => entry.Activity).ToList();
            if (backlog.Count > 0)
            {
                channel.Writer.TryWrite(DirectLineJson.ActivitySet(backlog, _sequence));
            }

            _listeners.Add(channel);
            _lastUsed = _time.GetUtcNow();
            return channel.Reader;
        }
    }

    public void StopListening(ChannelReader<string> reader)
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

    /// <summary>Ends the conversation: open streams complete and the history is released.</summary>
    public void Close()
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
        }
    }
}
