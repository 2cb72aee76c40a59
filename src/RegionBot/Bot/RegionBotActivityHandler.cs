using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Conversations;
using RegionBot.Feedback;
using RegionBot.Knowledge.Search;
using RegionBot.Metrics;
using RegionBot.Replies;
using RegionBot.State;

namespace RegionBot.Bot;

/// <summary>
/// Routes activities: questions go to the passage search (completed from the conversation's previous turn when
/// they follow up on it), ratings go to the feedback log, new users get a welcome, help gets help. Every other
/// activity type (typing, events, reactions, installation updates, ...) is accepted silently by the base class.
/// </summary>
public sealed partial class RegionBotActivityHandler : ActivityHandler
{
    private readonly IPassageSearch _search;
    private readonly FollowUpSuggestions _suggestions;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<ConversationMemory> _memory;
    private readonly IFeedbackLog _feedback;
    private readonly TimeProvider _time;
    private readonly ILogger<RegionBotActivityHandler> _logger;

    public RegionBotActivityHandler(
        IPassageSearch search,
        FollowUpSuggestions suggestions,
        ConversationState conversationState,
        IFeedbackLog feedback,
        TimeProvider time,
        ILogger<RegionBotActivityHandler> logger)
    {
        _search = search;
        _suggestions = suggestions;
        _conversationState = conversationState;
        _memory = conversationState.CreateProperty<ConversationMemory>(nameof(ConversationMemory));
        _feedback = feedback;
        _time = time;
        _logger = logger;
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);

        // Saved at the end of every turn, so the next turn continues from it, even on another bot instance.
        try
        {
            await _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        }
        catch (ETagConflictException conflict)
        {
            // Another instance answered a later message of this conversation meanwhile and saved its context. The
            // user already has this turn's reply, and the newer context is the one to keep, so this save yields.
            LogStateConflict(conflict.Key, turnContext.Activity.ChannelId);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var question = QuestionText.From(turnContext.Activity);
        var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);

        if (FeedbackRequest.From(turnContext.Activity, question) is { } rating)
        {
            await RateAsync(turnContext, rating, memory, cancellationToken);
            return;
        }

        if (question.Length == 0)
        {
            await turnContext.SendActivityAsync(BotMessages.NoText(), cancellationToken);
            return;
        }

        if (BotMessages.IsHelpRequest(question))
        {
            await turnContext.SendActivityAsync(BotMessages.Help(), cancellationToken);
            return;
        }

        // The indicator shows the user the question arrived while the search runs.
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);

        var answer = _search.Search(question, memory.SearchContext(), cancellationToken);
        TurnOutcome.Record(turnContext, answer);
        LogAnswered(answer.Hits.Count, answer.NoAnswer, answer.IsFollowUp, answer.IsComparison, answer.Clarify.Count, turnContext.Activity.ChannelId);
        IMessageActivity reply;
        if (answer.Clarify.Count > 0)
        {
            // The passages were not shown, so the chosen country's answer may include them.
            memory.Remember(SearchContext.From(answer) with { ShownPassageIds = [] });
            memory.ForgetAnswer();
            reply = AnswerReply.Clarify(answer);
        }
        else if (answer.HasAnswer)
        {
            memory.Remember(SearchContext.From(answer));
            memory.RememberAnswer(answer);
            reply = AnswerReply.Answer(answer, _suggestions.For(answer, cancellationToken));
        }
        else
        {
            // The previous topic stays, so the user can still follow up on it; there is no answer to rate.
            memory.ForgetAnswer();
            await LogUnansweredAsync(turnContext, answer, cancellationToken);
            reply = BotMessages.WithExamples(AnswerText.Format(answer));
        }

        await _memory.SetAsync(turnContext, memory, cancellationToken);
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // One welcome per conversation, however many members an update lists (a sender can list thousands): the
        // first one other than the bot itself, since the channel also announces the bot joining, is greeted once.
        var botId = turnContext.Activity.Recipient?.Id;
        var newcomer = membersAdded.FirstOrDefault(member => member is not null && !string.Equals(member.Id, botId, StringComparison.Ordinal));
        var welcomed = _conversationState.CreateProperty<bool>("Welcomed");
        if (newcomer is null || await welcomed.GetAsync(turnContext, () => false, cancellationToken))
        {
            return;
        }

        await welcomed.SetAsync(turnContext, true, cancellationToken);
        await turnContext.SendActivityAsync(BotMessages.Welcome(newcomer.Name), cancellationToken);
    }

    /// <summary>
    /// Logs a rating: of the answer a feedback button names, or for typed text, of the last answer shown.
    /// </summary>
    private async Task RateAsync(ITurnContext turnContext, FeedbackRequest rating, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var (question, passageIds) = rating.Question is { } rated
            ? (rated, rating.PassageIds)
            : (memory.LastQuestion, (IReadOnlyList<string>)memory.LastPassageIds);
        if (question is null)
        {
            await turnContext.SendActivityAsync(BotMessages.NothingToRate(), cancellationToken);
            return;
        }

        var activity = turnContext.Activity;
        await _feedback.AppendAsync(
            new FeedbackEntry(FeedbackKind.Rating, question, passageIds, rating.Helpful, null, activity.Conversation?.Id, activity.ChannelId, _time.GetUtcNow()),
            cancellationToken);
        LogRated(rating.Helpful, passageIds.Count, activity.ChannelId);

        // A typed rating counts once; asking again rates the next answer.
        if (rating.Question is null)
        {
            memory.ForgetAnswer();
            await _memory.SetAsync(turnContext, memory, cancellationToken);
        }

        await turnContext.SendActivityAsync(BotMessages.ThanksForRating(rating.Helpful), cancellationToken);
    }

    private async Task LogUnansweredAsync(ITurnContext turnContext, SearchAnswer answer, CancellationToken cancellationToken)
    {
        // A question without searchable words (punctuation, emoji) says nothing about gaps in the knowledge.
        if (answer.NoAnswer == NoAnswerReason.EmptyQuestion)
        {
            return;
        }

        var activity = turnContext.Activity;
        await _feedback.AppendAsync(
            new FeedbackEntry(FeedbackKind.Unanswered, answer.Question, [], null, answer.NoAnswer?.ToString(), activity.Conversation?.Id, activity.ChannelId, _time.GetUtcNow()),
            cancellationToken);
    }

    // One entry per turn is request-level detail, logged like ASP.NET Core's own request logs below the default
    // level: at Information the console logger's queue lock and formatting cost about a sixth of a turn's CPU time.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered a question on {ChannelId} with {Passages} passages (no answer: {NoAnswer}, follow-up: {FollowUp}, comparison: {Comparison}, clarify: {ClarifyChoices})")]
    private partial void LogAnswered(int passages, NoAnswerReason? noAnswer, bool followUp, bool comparison, int clarifyChoices, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept the conversation state another instance saved meanwhile ({StateKey}, channel {ChannelId})")]
    private partial void LogStateConflict(string stateKey, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged a rating on {ChannelId}: helpful {Helpful}, {Passages} passages")]
    private partial void LogRated(bool helpful, int passages, string channelId);
}
