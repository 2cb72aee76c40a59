using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RegionBot.Edge;

/// <summary>
/// One token bucket per conversation, so one chatty or scripted conversation cannot take the bot's time from the
/// others. Idle buckets are dropped by the partitioned limiter, so conversation ids do not pile up in memory.
/// </summary>
internal sealed class ConversationRateLimiter(IOptions<LimitsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        conversation => RateLimitPartition.GetTokenBucketLimiter(
            conversation,
            _ => EdgeResponses.TokenBucket(options.Value.PerConversation)),
        StringComparer.Ordinal);

    /// <summary>Takes one message's permit for the conversation (channel and id); the lease says whether it was granted.</summary>
    public RateLimitLease Acquire(string conversation) => _limiter.AttemptAcquire(conversation);

    public void Dispose() => _limiter.Dispose();
}
