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
    public static string From(Activity activity)
    {
        // RemoveRecipientMention also drops the mention entity's text; it needs to know who the recipient is.
        var text = activity.Recipient?.Id is null ? activity.Text : activity.RemoveRecipientMention();

        // A mention that did not match the recipient (a renamed bot, a client that sent no entity) must still never
        // reach the search index as words.
        return LeftoverMention().Replace(text ?? string.Empty, " ").Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverMention();
}
