using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;

namespace RegionBot.Bot;

/// <summary>
/// Routes activities: questions go to the passage search, new users get a welcome, help gets help. Every other
/// activity type (typing, events, reactions, installation updates, ...) is accepted silently by the base class.
/// </summary>
public sealed partial class RegionBotActivityHandler(IPassageSearch search, ILogger<RegionBotActivityHandler> logger)
    : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var question = QuestionText.From(turnContext.Activity);
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

        var answer = search.Search(question, cancellationToken);
        LogAnswered(answer.Hits.Count, answer.NoAnswer, turnContext.Activity.ChannelId);
        await turnContext.SendActivityAsync(BotMessages.WithExamples(AnswerText.Format(answer)), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        foreach (var member in membersAdded)
        {
            // The channel also announces the bot joining the conversation; the bot does not greet itself.
            if (member is null || string.Equals(member.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            await turnContext.SendActivityAsync(BotMessages.Welcome(member.Name), cancellationToken);
        }
    }

    // One entry per turn is request-level detail, logged like ASP.NET Core's own request logs below the default
    // level: at Information the console logger's queue lock and formatting cost about a sixth of a turn's CPU time.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered a question on {ChannelId} with {Passages} passages (no answer: {NoAnswer})")]
    private partial void LogAnswered(int passages, NoAnswerReason? noAnswer, string channelId);
}
