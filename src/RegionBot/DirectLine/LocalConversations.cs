using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>The open local Direct Line conversations, held in memory until they go idle.</summary>
public sealed class LocalConversations
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly ILogger<LocalConversations> _logger;

    public LocalConversations(TimeProvider time, IOptions<DirectLineOptions> options, ILogger<LocalConversations> logger)
    {
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Opens the conversation a token was issued for, or returns it when it is already open. Returns null when
    /// the server already holds as many conversations as it allows. <paramref name="created"/> tells the caller
    /// whether this call started it, so that the bot hears of the new conversation exactly once.
    /// </summary>
    public LocalConversation? Open(string conversationId, string userId, out bool created)
    {
        created = false;
        if (_conversations.TryGetValue(conversationId, out var existing))
        {
            existing.Touch();
            return existing;
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(conversationId, out existing))
            {
                return existing;
            }

            if (_conversations.Count >= _options.Value.MaxConversations)
            {
                _logger.LogWarning("Refused a new web chat conversation: {Count} conversations are already open", _conversations.Count);
                return null;
            }

            var conversation = new LocalConversation(conversationId, userId, _options.Value.MaxActivitiesPerConversation, _time);
            _conversations[conversationId] = conversation;
            created = true;
            _logger.LogInformation("Web chat conversation {ConversationId} started", conversationId);
            return conversation;
        }
    }

    public LocalConversation? Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>Closes and forgets every conversation idle for longer than the configured timeout.</summary>
    public int RemoveIdle()
    {
        var cutoff = _time.GetUtcNow() - _options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastUsed <= cutoff && _conversations.TryRemove(id, out _))
            {
                conversation.Close();
                removed++;
                _logger.LogInformation("Web chat conversation {ConversationId} expired after being idle", id);
            }
        }

        return removed;
    }

    /// <summary>Closes every conversation, so that open streams end when the app stops.</summary>
    public void CloseAll()
    {
        foreach (var id in _conversations.Keys)
        {
            if (_conversations.TryRemove(id, out var conversation))
            {
                conversation.Close();
            }
        }
    }
}
