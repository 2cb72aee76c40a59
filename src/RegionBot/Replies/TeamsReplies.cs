using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace RegionBot.Replies;

/// <summary>
/// Shapes a reply for Teams. Microsoft 365 Agents Playground, the client Microsoft ships for trying a bot as Teams
/// shows it, renders a message's Markdown and citations only when the message carries neither attachments nor
/// suggested actions; a message with suggested actions shows its text raw. So in Teams a formatted reply goes out on
/// its own, and its suggested actions follow in a short plain message. Teams shows suggested actions only in
/// personal chat, so elsewhere they are left out, and the text stands without them.
/// </summary>
public static partial class TeamsReplies
{
    public const string SuggestionsPrompt = "You could ask next:";

    public const string ExamplesPrompt = "Or try one of these:";

    public static IReadOnlyList<IMessageActivity> Shape(IMessageActivity reply, IActivity incoming)
    {
        if (!string.Equals(incoming.ChannelId, Channels.Msteams, StringComparison.Ordinal)
            || reply.SuggestedActions?.Actions is not { Count: > 0 } actions
            || !Formatted().IsMatch(reply.Text ?? string.Empty))
        {
            return [reply];
        }

        reply.SuggestedActions = null;
        var personal = incoming.Conversation?.ConversationType is null or "personal";
        if (!personal)
        {
            return [reply];
        }

        var examples = actions.Select(a => a.Value as string).SequenceEqual(Bot.BotMessages.ExampleQuestions);
        var suggestions = MessageFactory.SuggestedActions(actions, examples ? ExamplesPrompt : SuggestionsPrompt, ssml: null, inputHint: null);
        suggestions.TextFormat = TextFormatTypes.Plain;
        return [reply, suggestions];
    }

    /// <summary>Markdown markup: emphasis, a quote, an escaped character or a citation.</summary>
    [GeneratedRegex(@"\*|_|^> |\\|\[\d+\]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Formatted();
}
