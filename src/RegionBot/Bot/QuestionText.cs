using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace RegionBot.Bot;

/// <summary>Extracts the question a user typed from a message activity.</summary>
public static partial class QuestionText
{
    /// <summary>
    /// The message text without the bot's own @mention (Teams channels prefix it as <c>&lt;at&gt;RegionBot&lt;/at&gt;</c>),
    /// trimmed; empty when the message carries no text.
    /// </summary>
    public static string From(IMessageActivity activity)
    {
        // RemoveRecipientMention removes the text of the mention entity that names the recipient. It fails on a
        // message without a recipient or with a mention entity that names nobody, which any client can send, so
        // those messages rely on the tag stripping below alone.
        var canRemoveMention = activity.Recipient?.Id is not null
            && activity.GetMentions().All(mention => mention.Mentioned?.Id is not null);
        var text = canRemoveMention ? activity.RemoveRecipientMention() : activity.Text;

        // A mention that did not match the recipient (a renamed bot, a client that sent no entity) must still never
        // reach the search index as words.
        return LeftoverMention().Replace(text ?? string.Empty, " ").Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverMention();
}
