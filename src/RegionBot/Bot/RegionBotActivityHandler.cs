using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Conversations;
using RegionBot.Feedback;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Search;
using RegionBot.Localization;
using RegionBot.Metrics;
using RegionBot.Replies;
using RegionBot.State;

namespace RegionBot.Bot;

/// <summary>
/// Routes activities: questions go to the passage search (completed from the conversation's previous turn when
/// they follow up on it), small talk and questions about the bot get the bot's own short replies, ratings (typed,
/// Teams' feedback invoke, Web Chat's vote event) go to the feedback log, new users get a welcome. Every other
/// activity type (typing, other events, reactions, installation updates, ...) is accepted silently by the base class.
/// </summary>
public sealed partial class RegionBotActivityHandler : ActivityHandler
{
    private readonly AnswerComposer _answers;
    private readonly FollowUpSuggestions _suggestions;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<ConversationMemory> _memory;
    private readonly IFeedbackLog _feedback;
    private readonly TimeProvider _time;
    private readonly ILogger<RegionBotActivityHandler> _logger;

    public RegionBotActivityHandler(
        AnswerComposer answers,
        FollowUpSuggestions suggestions,
        ConversationState conversationState,
        IFeedbackLog feedback,
        TimeProvider time,
        ILogger<RegionBotActivityHandler> logger)
    {
        _answers = answers;
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

        // Each message is answered in its own language; a message that does not show one (a name, a thumb) keeps
        // the conversation's, then the client's locale.
        var language = LanguageDetector.Detect(question, turnContext.Activity.Locale, memory.Language);
        ReplyLanguage.Use(language);
        if (FeedbackRequest.From(turnContext.Activity, question) is { } rating)
        {
            await RateAsync(turnContext, rating, memory, cancellationToken);
            return;
        }

        if (question.Length == 0)
        {
            await SendAsync(turnContext, BotMessages.NoText(), cancellationToken);
            return;
        }

        if (language == Language.Unsupported)
        {
            // Read as English or Russian, such a question would be answered wrongly or not at all; say which languages work.
            LogUnsupportedLanguage(turnContext.Activity.ChannelId);
            await SendAsync(turnContext, BotMessages.UnsupportedLanguage(), cancellationToken);
            return;
        }

        memory.Language = language;

        if (SmallTalk.Recognise(question) is { } smallTalk)
        {
            await ReplyToSmallTalkAsync(turnContext, smallTalk, question, memory, cancellationToken);
            return;
        }

        // The indicator shows the user the question arrived while the search runs.
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);

        var (answer, composed) = _answers.Compose(question, memory.SearchContext(), cancellationToken);

        // A composed reply answers a question that named no country with each country's best passage, so for the
        // turn's metrics it is an answer, not a clarifying question.
        TurnOutcome.Record(turnContext, composed is null ? answer : answer with { Clarify = [] });
        LogAnswered(answer.Hits.Count, answer.NoAnswer, answer.IsFollowUp, answer.IsComparison, answer.Clarify.Count, composed?.Kind, turnContext.Activity.ChannelId);
        if (composed is not null)
        {
            memory.Remember(SearchContext.From(answer) with { ShownPassageIds = [.. answer.ShownBefore.Union(composed.PassageIds, StringComparer.Ordinal)] });
            if (!answer.HasAnswer)
            {
                // What the sources say about the subject is shown, but the question itself went unanswered.
                await LogUnansweredAsync(turnContext, answer, cancellationToken);
            }

            await SendAnswerAsync(turnContext, composed, _suggestions.For(answer, cancellationToken), memory, cancellationToken);
            return;
        }

        if (answer.Clarify.Count > 0)
        {
            // The passages were not shown, so the chosen country's answer may include them.
            memory.Remember(SearchContext.From(answer) with { ShownPassageIds = [] });
            memory.ForgetAnswer();
            await SendAsync(turnContext, AnswerReply.Clarify(answer), cancellationToken);
            return;
        }

        // The previous topic stays, so the user can still follow up on it; there is no answer to rate.
        memory.ForgetAnswer();
        await LogUnansweredAsync(turnContext, answer, cancellationToken);
        await SendAsync(turnContext, BotMessages.WithExamples(AnswerText.Format(answer)), cancellationToken);
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

        // Before anyone has written, the client's locale is all there is to choose the welcome's language by.
        ReplyLanguage.Use(LanguageDetector.Detect(null, (turnContext.Activity as Activity)?.Locale));
        await SendAsync(turnContext, BotMessages.Welcome(newcomer.Name), cancellationToken);
    }

    /// <summary>Teams' feedback loop: the thumbs and form Teams draws under an answer, submitted as an invoke.</summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (FeedbackRequest.FromTeamsInvoke(turnContext.Activity) is not { } rating)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        // Teams names only the rated message; the answer it carried is remembered by its id.
        var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
        var sent = memory.SentAnswer(turnContext.Activity.ReplyToId);
        var (question, passageIds) = sent is not null ? (sent.Question, (IReadOnlyList<string>)sent.PassageIds) : (memory.LastQuestion, memory.LastPassageIds);
        if (question is not null)
        {
            await LogRatingAsync(turnContext, rating, question, passageIds, cancellationToken);
        }

        // Teams expects 200 with no body; it thanks the user itself.
        return new InvokeResponse { Status = StatusCodes.Status200OK };
    }

    /// <summary>Web Chat's thumbs in the activity status, posted as an event naming the rated answer.</summary>
    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (FeedbackRequest.FromWebChatVote(turnContext.Activity) is { } vote)
        {
            var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
            var (question, passageIds) = vote.Question is { } rated ? (rated, vote.PassageIds) : (memory.LastQuestion, (IReadOnlyList<string>)memory.LastPassageIds);
            if (question is not null)
            {
                // The thumb stays pressed in Web Chat; a message on top of that would only crowd the chat.
                await LogRatingAsync(turnContext, vote, question, passageIds, cancellationToken);
            }

            return;
        }

        await base.OnEventActivityAsync(turnContext, cancellationToken);
    }

    private async Task ReplyToSmallTalkAsync(ITurnContext turnContext, SmallTalkKind kind, string question, ConversationMemory memory, CancellationToken cancellationToken)
    {
        if (kind == SmallTalkKind.Overview)
        {
            var overview = _answers.Overview(question, cancellationToken);
            memory.Remember(new SearchContext(null, [], [], overview.PassageIds));
            await SendAnswerAsync(turnContext, overview, [], memory, cancellationToken);
            return;
        }

        var reply = BotMessages.For(kind, _answers.Knowledge);
        await SendAsync(turnContext, reply, cancellationToken);
    }

    /// <summary>Sends an answer and remembers it, so that typing "helpful" or rating its message rates it.</summary>
    private async Task SendAnswerAsync(ITurnContext turnContext, ComposedAnswer answer, IReadOnlyList<string> followUps, ConversationMemory memory, CancellationToken cancellationToken)
    {
        memory.RememberAnswer(answer.Search.Question, answer.PassageIds);
        var messageId = await SendAsync(turnContext, AnswerReply.Answer(answer, followUps, turnContext.Activity.ChannelId), cancellationToken);
        memory.RememberSent(messageId, answer.Search.Question, answer.PassageIds);
        await _memory.SetAsync(turnContext, memory, cancellationToken);
    }

    /// <summary>
    /// Sends a reply shaped for the channel and returns the id of its message. The id is set before sending, since
    /// replies delivered in the HTTP response (expectReplies) get no id from a channel.
    /// </summary>
    private static async Task<string> SendAsync(ITurnContext turnContext, IMessageActivity reply, CancellationToken cancellationToken)
    {
        reply.Id ??= Guid.NewGuid().ToString("N");
        var messages = TeamsReplies.Shape(reply, turnContext.Activity);
        var responses = await turnContext.SendActivitiesAsync([.. messages.Cast<IActivity>()], cancellationToken);
        return responses.FirstOrDefault()?.Id is { Length: > 0 } id ? id : reply.Id;
    }

    /// <summary>A typed rating or an old rating button: of the answer the button names, or of the last answer shown.</summary>
    private async Task RateAsync(ITurnContext turnContext, FeedbackRequest rating, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var (question, passageIds) = rating.Question is { } rated
            ? (rated, rating.PassageIds)
            : (memory.LastQuestion, (IReadOnlyList<string>)memory.LastPassageIds);
        if (question is null)
        {
            await SendAsync(turnContext, BotMessages.NothingToRate(), cancellationToken);
            return;
        }

        await LogRatingAsync(turnContext, rating, question, passageIds, cancellationToken);

        // A typed rating counts once; asking again rates the next answer.
        if (rating.Question is null)
        {
            memory.ForgetAnswer();
            await _memory.SetAsync(turnContext, memory, cancellationToken);
        }

        await SendAsync(turnContext, BotMessages.ThanksForRating(rating.Helpful), cancellationToken);
    }

    private async Task LogRatingAsync(ITurnContext turnContext, FeedbackRequest rating, string question, IReadOnlyList<string> passageIds, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        await _feedback.AppendAsync(
            new FeedbackEntry(FeedbackKind.Rating, question, passageIds, rating.Helpful, null, activity.Conversation?.Id, activity.ChannelId, _time.GetUtcNow())
            {
                Comment = rating.Comment,
            },
            cancellationToken);
        LogRated(rating.Helpful, passageIds.Count, activity.ChannelId);
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
    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered a question on {ChannelId} with {Passages} passages (no answer: {NoAnswer}, follow-up: {FollowUp}, comparison: {Comparison}, clarify: {ClarifyChoices}, reply: {ReplyKind})")]
    private partial void LogAnswered(int passages, NoAnswerReason? noAnswer, bool followUp, bool comparison, int clarifyChoices, AnswerKind? replyKind, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a message in a language the bot does not read on {ChannelId}")]
    private partial void LogUnsupportedLanguage(string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept the conversation state another instance saved meanwhile ({StateKey}, channel {ChannelId})")]
    private partial void LogStateConflict(string stateKey, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged a rating on {ChannelId}: helpful {Helpful}, {Passages} passages")]
    private partial void LogRated(bool helpful, int passages, string channelId);
}
