using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace RegionBot.Metrics;

/// <summary>Counts each message turn of the bot it wraps by outcome, including the turns that fail.</summary>
public sealed class MeasuredBot(IBot inner, RegionBotMetrics metrics) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(turnContext.Activity.Type, ActivityTypes.Message, StringComparison.Ordinal))
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
        catch
        {
            metrics.RecordTurn(TurnOutcome.Error);
            throw;
        }

        var answer = TurnOutcome.RecordedAnswer(turnContext);
        metrics.RecordTurn(TurnOutcome.Of(answer));
        if (answer is not null)
        {
            metrics.RecordAnswer(answer);
        }
    }
}
