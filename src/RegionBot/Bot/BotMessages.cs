using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Knowledge.Model;

namespace RegionBot.Bot;

/// <summary>The bot's own words: welcome, help and the replies that are not search answers.</summary>
public static class BotMessages
{
    /// <summary>Questions a user can click to see what the bot answers.</summary>
    public static readonly IReadOnlyList<string> ExampleQuestions =
    [
        "Does Kazakhstan recognise the Taliban?",
        "What did Uzbekistan's president say about the Taliban?",
        "How is Turkmenistan working with the Taliban?",
    ];

    private static readonly string Coverage =
        "I answer questions about how Afghanistan's Central Asian neighbours (" + string.Join(", ", Countries.CentralAsia)
        + ") responded to the Taliban's return to power in 2021. I reply with the best passages from my sources, "
        + "each with its publisher, article and section, and for a statement who said it.";

    public static IMessageActivity Welcome(string? userName) => WithExamples(
        (string.IsNullOrWhiteSpace(userName) ? "Welcome!" : $"Welcome, {userName.Trim()}!")
        + " I'm **RegionBot**.\n\n" + Coverage + "\n\nAsk a question, or try one of these:");

    public static IMessageActivity Help() => WithExamples(
        Coverage
        + "\n\nAsk in plain words, naming a country, a leader or a topic, for example *security on the border*, "
        + "*recognition of the Taliban*, *illegal migration* or *humanitarian aid*. Type **help** to see this again.");

    public static IMessageActivity NoText() => WithExamples(
        "I can only read typed questions, and this message had no text. Ask me a question, for example:");

    /// <summary>The reply to a rating: thanks, and for an unhelpful answer a hint on asking differently.</summary>
    public static IMessageActivity ThanksForRating(bool helpful) => Markdown(helpful
        ? "Thanks for the feedback, glad it helped!"
        : "Thanks for telling me. I noted that this answer did not help, so my sources can be improved. "
          + "You could ask again in other words, naming a country, a leader or a topic.");

    public static IMessageActivity NothingToRate() => WithExamples(
        "There is no answer to rate yet: ask me a question first, then tell me whether the answer helped. For example:");

    /// <summary>Adds clickable example questions to a Markdown reply.</summary>
    public static IMessageActivity WithExamples(string markdown)
    {
        var reply = MessageFactory.SuggestedActions(
            ExampleQuestions.Select(question => new CardAction(ActionTypes.ImBack, question, value: question)),
            markdown,
            ssml: null,
            inputHint: null);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    private static IMessageActivity Markdown(string markdown)
    {
        var reply = MessageFactory.Text(markdown);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    /// <summary>Whether the user asks for help rather than asking a question: help, ?, /help and the like.</summary>
    public static bool IsHelpRequest(string text)
    {
        var request = text.Trim().TrimEnd('!', '.').Trim();
        return HelpWords.Contains(request);
    }

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "help", "?", "/help", "/?", "/start", "help me", "menu", "hi", "hello", "hey",
    };
}
