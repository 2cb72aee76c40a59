using RegionBot.Knowledge.Search;

namespace RegionBot.Conversations;

/// <summary>
/// What the bot remembers of a conversation between turns, kept in Bot Framework conversation state: the context
/// that follow-ups are resolved against, and the last answer shown, which a typed "helpful" rates.
/// </summary>
/// <remarks>
/// Plain settable properties, because the state is stored as JSON (in memory or in Redis) and may be read back by
/// another bot instance.
/// </remarks>
public sealed class ConversationMemory
{
    public string? Topic { get; set; }

    public List<string> Countries { get; set; } = [];

    public List<string> Speakers { get; set; } = [];

    public List<string> ShownPassageIds { get; set; } = [];

    /// <summary>The question of the last answer shown; null when the last turn showed no answer.</summary>
    public string? LastQuestion { get; set; }

    public List<string> LastPassageIds { get; set; } = [];

    /// <summary>
    /// The latest answers by the id of the message that carried them, newest last, so a rating of an older message
    /// (Teams' feedback names only the message) rates the answer that message showed.
    /// </summary>
    public List<SentAnswer> SentAnswers { get; set; } = [];

    /// <summary>At most this many answers are remembered for ratings.</summary>
    public const int MaxSentAnswers = 20;

    /// <summary>The context for the next question, or null before anything was answered or clarified.</summary>
    public SearchContext? SearchContext() =>
        Topic is null && Countries.Count == 0 && Speakers.Count == 0
            ? null
            : new SearchContext(Topic, Countries, Speakers, ShownPassageIds);

    /// <summary>Carries a turn's context on to the next question.</summary>
    public void Remember(SearchContext context)
    {
        Topic = context.Topic;
        Countries = [.. context.Countries];
        Speakers = [.. context.Speakers];
        ShownPassageIds = [.. context.ShownPassageIds];
    }

    /// <summary>Remembers the answer shown, so "helpful" or "not helpful" typed next rates it.</summary>
    public void RememberAnswer(string question, IReadOnlyList<string> passageIds)
    {
        LastQuestion = question;
        LastPassageIds = [.. passageIds];
    }

    /// <summary>Remembers which message carried an answer, so a rating of that message finds it.</summary>
    public void RememberSent(string messageId, string question, IReadOnlyList<string> passageIds)
    {
        SentAnswers.Add(new SentAnswer { MessageId = messageId, Question = question, PassageIds = [.. passageIds] });
        if (SentAnswers.Count > MaxSentAnswers)
        {
            SentAnswers.RemoveRange(0, SentAnswers.Count - MaxSentAnswers);
        }
    }

    /// <summary>The answer a message carried, or null when it is not (or no longer) remembered.</summary>
    public SentAnswer? SentAnswer(string? messageId) =>
        messageId is null ? null : SentAnswers.LastOrDefault(sent => string.Equals(sent.MessageId, messageId, StringComparison.Ordinal));

    public void ForgetAnswer()
    {
        LastQuestion = null;
        LastPassageIds = [];
    }
}
