using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using RegionBot.Bot;
using RegionBot.Conversations;
using RegionBot.Feedback;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;

namespace RegionBot.Tests.Support;

/// <summary>RegionBot's activity handler wired as the application wires it, over the given search, storage and log.</summary>
public static class TestBots
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => KnowledgeLoader.Load(RepositoryRoot.Knowledge).Knowledge!);

    /// <summary>
    /// A handler over <paramref name="search"/>; its sources (for "what are your sources?" and overviews) are the
    /// store's when the search is a store, the shipped knowledge's otherwise.
    /// </summary>
    public static RegionBotActivityHandler Handler(IPassageSearch search, IFeedbackLog feedback, IStorage? storage = null) =>
        new(
            new AnswerComposer(search, () => search is KnowledgeStore store ? store.Knowledge : Shipped.Value),
            new FollowUpSuggestions(search),
            new ConversationState(storage ?? new MemoryStorage()),
            feedback,
            TimeProvider.System,
            NullLogger<RegionBotActivityHandler>.Instance);
}
