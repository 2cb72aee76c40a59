using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
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
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void Replies_use_only_markdown_every_channel_renders(string question)
    {
        var text = AnswerText.Format(fixture.Store.Search(question));

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
    public void Every_passage_carries_publisher_article_section_country_and_for_a_statement_speaker_and_role()
    {
        var answer = fixture.Store.Search("What did Uzbekistan's president say about the Taliban?");

        var text = AnswerText.Format(answer);

        foreach (var passage in answer.Hits.Select(h => h.Passage))
        {
            var block = text[text.IndexOf(passage.Text, StringComparison.Ordinal)..];
            Assert.Contains($"*Source: {passage.Source.Publisher}, “{passage.Source.Title}” · section “{passage.Section}”*", block, StringComparison.Ordinal);
            Assert.Contains($"**{answer.Hits.Select(h => h.Passage).ToList().IndexOf(passage) + 1}. {passage.Country}**", text, StringComparison.Ordinal);
            if (passage.Kind == PassageKind.Statement)
            {
                Assert.Contains($"· {passage.Speaker}, {passage.Role}", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Characters_markdown_or_html_would_interpret_are_shown_literally()
    {
        var source = new Source("s", "Wire_Service", "A *title*", null, null, "s.md");
        var passage = new Passage("p", source, "Kazakhstan", "# Section | one", PassageKind.Statement, "A_B", "Role [1]", "Use *care* with <script>x</script> & `code`", 1);
        var answer = new SearchAnswer("q", [new PassageHit(passage, 1, 1)], null, ["Kazakhstan"], ["Kazakhstan"]);

        var text = AnswerText.Format(answer);

        Assert.Contains(@"Use \*care\* with &lt;script&gt;x&lt;/script&gt; &amp; \`code\`", text, StringComparison.Ordinal);
        Assert.Contains(@"Wire\_Service, “A \*title\*” · section “\# Section \| one”", text, StringComparison.Ordinal);
        Assert.Contains(@"A\_B, Role \[1\]", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(HtmlTag(), text);
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
