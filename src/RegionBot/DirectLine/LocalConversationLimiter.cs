using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RegionBot.Edge;

namespace RegionBot.DirectLine;

/// <summary>
/// The per-conversation message limit (<c>Limits:PerConversation</c>) for web chat conversations, checked at the
/// Direct Line's own edge so that a limited message gets 429 with Retry-After there, where the user's client can
/// send it again. Its buckets are its own: a caller posting to <c>/api/messages</c> with a web chat conversation's
/// id cannot use up that conversation's messages.
/// </summary>
public sealed class LocalConversationLimiter(IOptions<LimitsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        conversation => RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.PerConversation.Burst,
            TokensPerPeriod = options.Value.PerConversation.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }),
        StringComparer.Ordinal);

    public RateLimitLease Acquire(string conversationId) => _limiter.AttemptAcquire(conversationId);

    public void Dispose() => _limiter.Dispose();
}
