using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace RegionBot.Benchmarks.Turns;

/// <summary>
/// The cheapest bot the Bot Framework stack can run: it echoes the text back. Its throughput is the ceiling the
/// adapter, authentication and serialisation allow, which RegionBot is compared with.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + turnContext.Activity.Text), cancellationToken);
}
