using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using RegionBot.Bot;
using RegionBot.Conversations;
using RegionBot.Feedback;
using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.Support;

/// <summary>RegionBot's activity handler wired as the application wires it, over the given search, storage and log.</summary>
public static class TestBots
{
    public static RegionBotActivityHandler Handler(IPassageSearch search, IFeedbackLog feedback, IStorage? storage = null) =>
        new(search, new FollowUpSuggestions(search), new ConversationState(storage ?? new MemoryStorage()), feedback, TimeProvider.System, NullLogger<RegionBotActivityHandler>.Instance);
}
