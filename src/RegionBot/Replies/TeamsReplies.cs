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
        if (!string.Equals(incoming.ChannelId, Channels.Msteams, StringComparison.Ordinal))
        {
            return [reply];
        }

        if (string.Equals(reply.TextFormat, TextFormatTypes.Markdown, StringComparison.Ordinal) && reply.Text is { } text)
        {
            reply.Text = SpacedParagraphs(text);
        }

        if (reply.SuggestedActions?.Actions is not { Count: > 0 } actions || !Formatted().IsMatch(reply.Text ?? string.Empty))
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

    /// <summary>
    /// The Playground draws a message's Markdown paragraphs without space between them, so that they run together.
    /// An HTML line break opening each paragraph after the first (Teams accepts HTML tags in Markdown text messages)
    /// leaves a blank line before it; a line break closing a paragraph would show nothing. A quote keeps its own
    /// frame, and a line break before its "&gt;" would end the quote.
    /// </summary>
    public static string SpacedParagraphs(string markdown) =>
        string.Join("\n\n", markdown.Split("\n\n").Select((paragraph, index) =>
            index == 0 || paragraph.StartsWith('>') ? paragraph : ParagraphBreak + paragraph));

    public const string ParagraphBreak = "<br>";

    /// <summary>Markdown markup: emphasis, a quote, an escaped character or a citation.</summary>
    [GeneratedRegex(@"\*|_|^> |\\|\[\d+\]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Formatted();
}
