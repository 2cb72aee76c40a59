using Microsoft.Bot.Builder;
using RegionBot.Knowledge.Search;

namespace RegionBot.Metrics;

/// <summary>
/// What a message turn came to, as the "outcome" tag of the turns counter. The activity handler reports a searched
/// question's answer with <see cref="Record"/>; <see cref="MeasuredBot"/> counts the turn when it ends, as small talk
/// when nothing was searched (help, greetings, ratings, empty messages) and as an error when it failed.
/// </summary>
public static class TurnOutcome
{
    public const string Answered = "answered";
    public const string NoAnswer = "no_answer";
    public const string Clarify = "clarify";
    public const string SmallTalk = "small_talk";
    public const string Error = "error";

    private const string TurnStateKey = "RegionBot.Metrics.Answer";

    /// <summary>Remembers the answer this turn gave, for the turn's metrics.</summary>
    public static void Record(ITurnContext turnContext, SearchAnswer answer) => turnContext.TurnState.Set(TurnStateKey, answer);

    internal static SearchAnswer? RecordedAnswer(ITurnContext turnContext) => turnContext.TurnState.Get<SearchAnswer>(TurnStateKey);

    internal static string Of(SearchAnswer? answer) => answer switch
    {
        null => SmallTalk,
        { Clarify.Count: > 0 } => Clarify,
        { HasAnswer: true } => Answered,
        _ => NoAnswer,
    };
}
