using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Knowledge.Model;
using RegionBot.Replies;

namespace RegionBot.Bot;

/// <summary>The bot's own words: welcome, help, small talk, its sources, and the replies that are not search answers.</summary>
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
        + "in their own words, each with where it comes from and, for a statement, who said it.";

    public static IMessageActivity Welcome(string? userName) => WithExamples(
        (string.IsNullOrWhiteSpace(userName) ? "Welcome!" : $"Welcome, {AnswerText.Escape(userName.Trim())}!")
        + " I'm **RegionBot**.\n\n" + Coverage + "\n\nAsk a question, or try one of these:");

    public static IMessageActivity Help() => WithExamples(
        Coverage
        + "\n\nAsk in plain words, naming a country, a leader or a topic, for example *security on the border*, "
        + "*recognition of the Taliban*, *illegal migration* or *humanitarian aid*. Type **help** to see this again.");

    public static IMessageActivity Greeting() => WithExamples(
        "Hello! I'm RegionBot. " + Coverage + "\n\nAsk a question, or try one of these:");

    public static IMessageActivity Thanks() => Markdown(
        "You're welcome. Ask me anything else about how Central Asia responded to the Taliban.");

    public static IMessageActivity Goodbye() => Markdown(
        "Goodbye! Come back whenever you have a question about Central Asia and the Taliban.");

    public static IMessageActivity Identity() => WithExamples(
        "I'm RegionBot, a bot that answers from a small set of news sources rather than from general knowledge. "
        + Coverage + " I never write an answer of my own: what I show is what the sources say.\n\nTry one of these:");

    /// <summary>The sources: publisher, title, date where the source gives one, and how many passages per country.</summary>
    public static IMessageActivity Sources(KnowledgeBase knowledge)
    {
        var paragraphs = knowledge.Sources.Select(source =>
        {
            var passages = knowledge.Passages.Where(p => string.Equals(p.Source.Id, source.Id, StringComparison.Ordinal)).ToArray();
            var perCountry = passages
                .GroupBy(p => p.Country, StringComparer.Ordinal)
                .OrderBy(g => string.Equals(g.Key, Countries.Region, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Count(g.Count(), "passage") + (string.Equals(g.Key, Countries.Region, StringComparison.Ordinal) ? " on the region as a whole" : $" on {g.Key}"))
                .ToArray();
            return $"**{AnswerText.Escape(source.Publisher)}**, “{AnswerText.Escape(source.Title)}”, {DateOf(source)}: "
                + AnswerText.CountryList(perCountry) + ".";
        });
        return Markdown(
            $"I answer from {Count(knowledge.Sources.Count, "source")} ({Count(knowledge.Passages.Count, "passage")}), "
            + "quoting them word for word:\n\n" + string.Join("\n\n", paragraphs));
    }

    /// <summary>How recent the sources are: the dates they give, or that they give none.</summary>
    public static IMessageActivity Recency(KnowledgeBase knowledge)
    {
        var dated = knowledge.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Date)).OrderBy(s => s.Date, StringComparer.Ordinal).ToArray();
        var undated = knowledge.Sources.Where(s => string.IsNullOrWhiteSpace(s.Date)).ToArray();
        var text = dated.Length switch
        {
            0 => knowledge.Sources.Count == 1 ? "My source gives no publication date" : "My sources give no publication dates",
            1 => knowledge.Sources.Count == 1 ? $"My source is dated {AnswerText.Escape(dated[0].Date!)}" : $"One of my sources is dated {AnswerText.Escape(dated[0].Date!)}",
            _ => $"My sources are dated from {AnswerText.Escape(dated[0].Date!)} to {AnswerText.Escape(dated[^1].Date!)}",
        };
        var named = string.Join("; ", dated.Concat(undated).Select(s =>
            $"{AnswerText.Escape(s.Publisher)}, “{AnswerText.Escape(s.Title)}”" + (dated.Length == 0 ? string.Empty : $" ({DateOf(s)})")));
        var one = knowledge.Sources.Count == 1;
        return Markdown(
            $"{text}: {named}. {(one ? "It reports" : "They report")} how the region responded to the Taliban's return to power in 2021. "
            + $"I have no news feed, so I know nothing newer than {(one ? "it" : "them")}.");
    }

    /// <summary>The reply to small talk or a question about the bot; overviews are answers, built from the sources.</summary>
    public static IMessageActivity For(SmallTalkKind kind, KnowledgeBase knowledge) => kind switch
    {
        SmallTalkKind.Greeting => Greeting(),
        SmallTalkKind.Thanks => Thanks(),
        SmallTalkKind.Goodbye => Goodbye(),
        SmallTalkKind.Identity => Identity(),
        SmallTalkKind.Sources => Sources(knowledge),
        SmallTalkKind.Recency => Recency(knowledge),
        _ => Help(),
    };

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

    private static string DateOf(Source source) =>
        string.IsNullOrWhiteSpace(source.Date) ? "no date given" : "dated " + AnswerText.Escape(source.Date);

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static IMessageActivity Markdown(string markdown)
    {
        var reply = MessageFactory.Text(markdown);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }
}
