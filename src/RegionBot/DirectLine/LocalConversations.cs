using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>
/// The open local Direct Line conversations, held in memory within fixed bounds: a number of conversations in
/// all and per client address, bytes per conversation and in all, and a maximum age. Reaching a bound closes the
/// least recently active conversations rather than refusing anyone new.
/// </summary>
public sealed partial class LocalConversations
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly ILogger<LocalConversations> _logger;
    private long _bytes;

    public LocalConversations(TimeProvider time, IOptions<DirectLineOptions> options, ILogger<LocalConversations> logger)
    {
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>The number of open conversations.</summary>
    public int Count => _conversations.Count;

    /// <summary>The bytes of activity JSON all open conversations hold together.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Opens the conversation a token was issued for, or returns it when it is already open. <paramref name="created"/>
    /// tells the caller whether this call started it, so that the bot hears of the new conversation exactly once.
    /// </summary>
    public LocalConversation Open(string conversationId, string userId, string address, out bool created)
    {
        created = false;
        if (Find(conversationId) is { } existing)
        {
            existing.Touch();
            return existing;
        }

        lock (_createGate)
        {
            if (Find(conversationId) is { } raced)
            {
                return raced;
            }

            var options = _options.Value;
            var fromAddress = _conversations.Values.Where(c => string.Equals(c.Address, address, StringComparison.Ordinal)).ToList();
            if (fromAddress.Count >= options.MaxConversationsPerAddress)
            {
                var oldest = fromAddress.MinBy(c => c.LastUsed)!;
                Remove(oldest);
                LogEvictedForAddress(oldest.Id, options.MaxConversationsPerAddress);
            }

            while (_conversations.Count >= options.MaxConversations && LeastRecentlyUsed(except: null) is { } oldest)
            {
                Remove(oldest);
                LogEvictedForCount(oldest.Id, options.MaxConversations);
            }

            var conversation = new LocalConversation(conversationId, userId, address, options, _time);
            _conversations[conversationId] = conversation;
            created = true;
            LogStarted(conversationId);
            return conversation;
        }
    }

    /// <summary>The open conversation with this id; one past its maximum age is closed and not found.</summary>
    public LocalConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (conversation.IsPastMaxAge)
        {
            Remove(conversation);
            return null;
        }

        return conversation;
    }

    /// <summary>
    /// Adds an activity to a conversation and keeps the whole store within its byte budget by closing the least
    /// recently active other conversations. Returns the activity's id, or null when the conversation was closed.
    /// </summary>
    public string? Append(LocalConversation conversation, Activity activity)
    {
        var (id, growth) = conversation.Append(activity);
        var total = Interlocked.Add(ref _bytes, growth);
        var budget = _options.Value.MaxStoreBytes;
        while (total > budget && LeastRecentlyUsed(except: conversation) is { } oldest)
        {
            Remove(oldest);
            LogEvictedForBytes(oldest.Id, budget);
            total = Bytes;
        }

        return id;
    }

    /// <summary>Closes and forgets every conversation idle for longer than the timeout or older than the maximum age.</summary>
    public int RemoveIdle()
    {
        var cutoff = _time.GetUtcNow() - _options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var conversation in _conversations.Values)
        {
            if ((conversation.LastUsed <= cutoff || conversation.IsPastMaxAge) && Remove(conversation))
            {
                removed++;
                LogExpired(conversation.Id);
            }
        }

        return removed;
    }

    /// <summary>Closes every conversation, so that open streams end when the app stops.</summary>
    public void CloseAll()
    {
        foreach (var conversation in _conversations.Values)
        {
            Remove(conversation);
        }
    }

    private LocalConversation? LeastRecentlyUsed(LocalConversation? except) =>
        _conversations.Values.Where(c => !ReferenceEquals(c, except)).MinBy(c => c.LastUsed);

    private bool Remove(LocalConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, LocalConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        Interlocked.Add(ref _bytes, -conversation.Close());
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat conversation {ConversationId} started")]
    private partial void LogStarted(string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat conversation {ConversationId} expired (idle, or past its maximum age)")]
    private partial void LogExpired(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed web chat conversation {ConversationId}: its address started more than {Limit} conversations")]
    private partial void LogEvictedForAddress(string conversationId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed web chat conversation {ConversationId}, the least recently active: {Limit} conversations are open")]
    private partial void LogEvictedForCount(string conversationId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed web chat conversation {ConversationId}, the least recently active: the conversations hold more than {Budget} bytes")]
    private partial void LogEvictedForBytes(string conversationId, long budget);
}
