using RegionBot.Bot;
using RegionBot.Knowledge.Languages;
using RegionBot.Localization;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Replies;

/// <summary>Replies written in Russian keep to the same Teams-safe Markdown as the English ones (<see cref="AnswerTextTests"/>).</summary>
public sealed class RussianAnswerTextTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    public static TheoryData<string> Questions() =>
    [
        "Признаёт ли Казахстан талибов?",
        "что сказал токаев",
        "сравни Казахстан и Таджикистан по признанию талибов",
        "признание правительства",
        "Как Монголия отреагировала на талибов?",
        "какая погода в алматы",
        "???",
        "есть ли риск распространения терроризма",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void Russian_replies_use_only_markdown_every_channel_renders(string question)
    {
        var text = ReplyLanguage.In(Language.Russian, () =>
        {
            var composer = new AnswerComposer(fixture.Store, () => fixture.Store.Knowledge);
            var (answer, composed) = composer.Compose(question, null, CancellationToken.None);
            return composed is null ? AnswerText.Format(answer) : AnswerText.Format(composed);
        });

        AnswerTextTests.AssertTeamsMarkdown(text);
        Assert.Matches(@"\p{IsCyrillic}", text);
    }

    [Fact]
    public void The_bots_own_russian_replies_use_only_markdown_every_channel_renders()
    {
        var knowledge = fixture.Store.Knowledge;
        var texts = ReplyLanguage.In(Language.Russian, () =>
        {
            var overview = new AnswerComposer(fixture.Store, () => knowledge).Overview("обзор", CancellationToken.None);
            return new[]
            {
                AnswerText.Format(overview), BotMessages.Sources(knowledge).Text, BotMessages.Recency(knowledge).Text,
                BotMessages.Greeting().Text, BotMessages.Identity().Text, BotMessages.Help().Text, BotMessages.Welcome("A_b").Text,
                BotMessages.NoText().Text, BotMessages.ThanksForRating(false).Text, BotMessages.UnsupportedLanguage().Text,
            };
        });

        Assert.All(texts, AnswerTextTests.AssertTeamsMarkdown);
        Assert.All(texts, text => Assert.Matches(@"\p{IsCyrillic}", text));
    }
}
