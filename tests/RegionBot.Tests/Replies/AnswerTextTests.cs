using System.Text.RegularExpressions;
using RegionBot.Bot;
using RegionBot.Knowledge.Model;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Replies;

/// <summary>
/// The reply text keeps to the Markdown that Teams, Web Chat and the Emulator render alike: bold, italics and
/// paragraphs; no headings, tables, HTML or single line breaks (which Teams folds into one line).
/// </summary>
public sealed partial class AnswerTextTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    public static TheoryData<string> Questions() =>
    [
        "Does Kazakhstan recognise the Taliban?",
        "What did Tokayev say?",
        "Compare Kazakhstan and Tajikistan on recognising the Taliban",
        "recognition of the government",
        "What is Mongolia's position on the Taliban?",
        "What's the weather in Almaty?",
        "???",
        "Is there a risk of terrorism spreading?",
        "compare kazakhstan and uzbekistan on recognition",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void Replies_use_only_markdown_every_channel_renders(string question)
    {
        var composer = new AnswerComposer(fixture.Store, () => fixture.Store.Knowledge);
        var (answer, composed) = composer.Compose(question, null, CancellationToken.None);

        AssertTeamsMarkdown(composed is null ? AnswerText.Format(answer) : AnswerText.Format(composed));
    }

    [Fact]
    public void The_bots_own_replies_and_overviews_use_only_markdown_every_channel_renders()
    {
        var knowledge = fixture.Store.Knowledge;
        var overview = new AnswerComposer(fixture.Store, () => knowledge).Overview("give me an overview", CancellationToken.None);
        string[] texts =
        [
            AnswerText.Format(overview), BotMessages.Sources(knowledge).Text, BotMessages.Recency(knowledge).Text,
            BotMessages.Greeting().Text, BotMessages.Identity().Text, BotMessages.Help().Text, BotMessages.Welcome("A_b").Text,
        ];

        Assert.All(texts, AssertTeamsMarkdown);
    }

    private static void AssertTeamsMarkdown(string text)
    {
        Assert.DoesNotMatch(HeadingOrTableOrList(), text);
        Assert.DoesNotMatch(HtmlTag(), text);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(SingleLineBreak(), text);
        Assert.All(text.Split("\n\n"), paragraph => Assert.Equal(0, Unescaped("**").Matches(paragraph).Count % 2));
        Assert.All(
            text.Split("\n\n").Select(p => Unescaped("**").Replace(p, string.Empty)),
            paragraph => Assert.Equal(0, Unescaped("*").Matches(paragraph).Count % 2));
    }

    [Fact]
    public void An_answer_opens_with_the_quoted_sentence_that_answers_then_each_passage_with_its_speaker_and_the_source_once()
    {
        var answer = fixture.Store.Search("What did Uzbekistan's president say about the Taliban?");
        Assert.True(answer.Hits.Count > 1, "the knowledge answers this with several passages");

        var text = AnswerText.Format(answer);

        var paragraphs = text.Split("\n\n");
        var quote = DirectAnswer.BestSentence(answer.Hits[0].Passage.Text, answer.Question);
        Assert.Contains(quote, answer.Hits[0].Passage.Text, StringComparison.Ordinal);
        Assert.Equal($"> “{quote.Replace("*", "\\*", StringComparison.Ordinal)}” [1]", paragraphs[0]);
        for (var i = 0; i < answer.Hits.Count; i++)
        {
            var passage = answer.Hits[i].Passage;
            var heading = passage.Kind == PassageKind.Statement ? $"**{passage.Country}** · {passage.Speaker}, {passage.Role}" : $"**{passage.Country}**";
            Assert.Contains(paragraphs, p => p.StartsWith(heading, StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.EndsWith($" [{i + 1}]", StringComparison.Ordinal) && (p.StartsWith(heading, StringComparison.Ordinal) || p.StartsWith(passage.Text[..20], StringComparison.Ordinal)));
            Assert.Contains(passage.Section, paragraphs[^1], StringComparison.Ordinal);
        }

        var source = answer.Hits[0].Passage.Source;
        Assert.Single(Regex.Matches(text, Regex.Escape(source.Publisher)));
        Assert.StartsWith($"*Source: {source.Publisher}, “{source.Title}”, section", paragraphs[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("AIGenerated", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passage_of_one_sentence_is_quoted_once_under_its_heading()
    {
        var answer = fixture.Store.Search("How is Turkmenistan working with the Taliban?");
        var best = answer.Hits[0].Passage;
        Assert.Single(DirectAnswer.Sentences(best.Text));

        var text = AnswerText.Format(answer);

        Assert.Single(Regex.Matches(text, Regex.Escape(best.Text[..40])));
        Assert.StartsWith("> “", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_Chat_gets_a_citation_link_definition_per_passage_after_the_text()
    {
        var composed = AnswerComposer.FromSearch(fixture.Store.Search("Does Kazakhstan recognise the Taliban?"));

        var text = AnswerText.WithCitationLinks(AnswerText.Format(composed), composed.Passages);

        foreach (var cited in composed.Passages)
        {
            Assert.Contains($"\n\n[{cited.Number}]: cite:{cited.Number} \"{Citations.Name(cited)}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_answer_names_the_covered_countries()
    {
        var text = AnswerText.Format(fixture.Store.Search("Who won the football world cup?"));

        Assert.StartsWith("I have no information on that", text, StringComparison.Ordinal);
        Assert.Contains("(Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan)", text, StringComparison.Ordinal);
    }

    private static Regex Unescaped(string marker) => new($@"(?<!\\){Regex.Escape(marker)}");

    [GeneratedRegex(@"(?m)^(#|\||\s*[-+] |\s*\d+\. )")]
    private static partial Regex HeadingOrTableOrList();

    [GeneratedRegex(@"<[a-zA-Z/]")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"[^\n]\n[^\n]")]
    private static partial Regex SingleLineBreak();
}
