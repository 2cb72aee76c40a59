using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Model;
using RegionBot.Localization;
using RegionBot.Replies;

namespace RegionBot.Bot;

/// <summary>The bot's own words: welcome, help, small talk, its sources, and the replies that are not search answers.</summary>
public static class BotMessages
{
    /// <summary>Questions a user can click to see what the bot answers, in the language of the turn.</summary>
    public static IReadOnlyList<string> ExampleQuestions => [BotTexts.Get("Example1"), BotTexts.Get("Example2"), BotTexts.Get("Example3")];

    private static string Coverage => BotTexts.Get("Coverage", string.Join(", ", BotTexts.Countries(Countries.CentralAsia)));

    public static IMessageActivity Welcome(string? userName) => WithExamples(
        (string.IsNullOrWhiteSpace(userName) ? BotTexts.Get("Welcome") : BotTexts.Get("WelcomeNamed", AnswerText.Escape(userName.Trim())))
        + " " + BotTexts.Get("IAmRegionBot") + "\n\n" + Coverage + "\n\n" + BotTexts.Get("AskOrTry"));

    public static IMessageActivity Help() => WithExamples(Coverage + "\n\n" + BotTexts.Get("HelpHowToAsk"));

    public static IMessageActivity Greeting() => WithExamples(
        BotTexts.Get("Greeting") + " " + Coverage + "\n\n" + BotTexts.Get("AskOrTry"));

    public static IMessageActivity Thanks() => Markdown(BotTexts.Get("Thanks"));

    public static IMessageActivity Goodbye() => Markdown(BotTexts.Get("Goodbye"));

    public static IMessageActivity Identity() => WithExamples(
        BotTexts.Get("IdentityOpening") + " " + Coverage + " " + BotTexts.Get("IdentityClosing") + "\n\n" + BotTexts.Get("TryOneOfThese"));

    /// <summary>
    /// The reply to a message in a language the bot does not read: which languages it understands, said in both,
    /// with an example question in each.
    /// </summary>
    public static IMessageActivity UnsupportedLanguage()
    {
        var reply = MessageFactory.SuggestedActions(
            new[] { Language.English, Language.Russian }.Select(language => ReplyLanguage.In(language, () => BotTexts.Get("Example1")))
                .Select(question => new CardAction(ActionTypes.ImBack, question, value: question)),
            ReplyLanguage.In(Language.English, () => BotTexts.Get("Unsupported")) + "\n\n" + ReplyLanguage.In(Language.Russian, () => BotTexts.Get("Unsupported")),
            ssml: null,
            inputHint: null);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

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
                .Select(g => string.Equals(g.Key, Countries.Region, StringComparison.Ordinal)
                    ? BotTexts.Get("PassagesOnRegion", BotTexts.Count(g.Count(), "Passage"))
                    : BotTexts.Get("PassagesOnCountry", BotTexts.Count(g.Count(), "Passage"), BotTexts.Country(g.Key)))
                .ToArray();
            return $"**{AnswerText.Escape(source.Publisher)}**, “{AnswerText.Escape(source.Title)}”, {DateOf(source)}: "
                + AnswerText.CountryList(perCountry) + ".";
        });
        return Markdown(
            BotTexts.Get("SourcesOpening", BotTexts.Count(knowledge.Sources.Count, "Source"), BotTexts.Count(knowledge.Passages.Count, "Passage"))
            + "\n\n" + string.Join("\n\n", paragraphs));
    }

    /// <summary>How recent the sources are: the dates they give, or that they give none.</summary>
    public static IMessageActivity Recency(KnowledgeBase knowledge)
    {
        var dated = knowledge.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Date)).OrderBy(s => s.Date, StringComparer.Ordinal).ToArray();
        var undated = knowledge.Sources.Where(s => string.IsNullOrWhiteSpace(s.Date)).ToArray();
        var text = dated.Length switch
        {
            0 => BotTexts.Get(knowledge.Sources.Count == 1 ? "RecencyNoDateOne" : "RecencyNoDateMany"),
            1 => BotTexts.Get(knowledge.Sources.Count == 1 ? "RecencyOnly" : "RecencyOneOf", AnswerText.Escape(dated[0].Date!)),
            _ => BotTexts.Get("RecencyRange", AnswerText.Escape(dated[0].Date!), AnswerText.Escape(dated[^1].Date!)),
        };
        var named = string.Join("; ", dated.Concat(undated).Select(s =>
            $"{AnswerText.Escape(s.Publisher)}, “{AnswerText.Escape(s.Title)}”" + (dated.Length == 0 ? string.Empty : $" ({DateOf(s)})")));
        return Markdown($"{text}: {named}. " + BotTexts.Get(knowledge.Sources.Count == 1 ? "RecencyTailOne" : "RecencyTail"));
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

    public static IMessageActivity NoText() => WithExamples(BotTexts.Get("NoText"));

    /// <summary>The reply to a rating: thanks, and for an unhelpful answer a hint on asking differently.</summary>
    public static IMessageActivity ThanksForRating(bool helpful) => Markdown(BotTexts.Get(helpful ? "ThanksHelpful" : "ThanksUnhelpful"));

    public static IMessageActivity NothingToRate() => WithExamples(BotTexts.Get("NothingToRate"));

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
        string.IsNullOrWhiteSpace(source.Date) ? BotTexts.Get("SourceUndated") : BotTexts.Get("SourceDated", AnswerText.Escape(source.Date));

    private static IMessageActivity Markdown(string markdown)
    {
        var reply = MessageFactory.Text(markdown);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }
}
