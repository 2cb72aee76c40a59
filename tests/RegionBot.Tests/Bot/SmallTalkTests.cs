using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using RegionBot.Bot;
using RegionBot.Feedback;
using RegionBot.Knowledge.Model;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// Small talk and questions about the bot are recognised by their shape, in any casing and with common typos, and
/// answered in the bot's own words without searching; real questions that contain "hi" or "thanks" are searched.
/// </summary>
public sealed class SmallTalkTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("Hello!", SmallTalkKind.Greeting)]
    [InlineData("HEY THERE", SmallTalkKind.Greeting)]
    [InlineData("helo", SmallTalkKind.Greeting)]
    [InlineData("Good morning :)", SmallTalkKind.Greeting)]
    [InlineData("good morning! how's your day going?", SmallTalkKind.Greeting)]
    [InlineData("Good evening, what are your sources?", SmallTalkKind.Sources)]
    [InlineData("thanks!", SmallTalkKind.Thanks)]
    [InlineData("Thank you so much", SmallTalkKind.Thanks)]
    [InlineData("thnaks", SmallTalkKind.Thanks)]
    [InlineData("thaaanks bot", SmallTalkKind.Thanks)]
    [InlineData("thx", SmallTalkKind.Thanks)]
    [InlineData("bye", SmallTalkKind.Goodbye)]
    [InlineData("Goodbye.", SmallTalkKind.Goodbye)]
    [InlineData("thanks, bye", SmallTalkKind.Goodbye)]
    [InlineData("who are you?", SmallTalkKind.Identity)]
    [InlineData("Who r u", SmallTalkKind.Identity)]
    [InlineData("what can you do?", SmallTalkKind.Help)]
    [InlineData("hi, what can you do?", SmallTalkKind.Help)]
    [InlineData("  HELP ", SmallTalkKind.Help)]
    [InlineData("?", SmallTalkKind.Help)]
    [InlineData("what are your sources?", SmallTalkKind.Sources)]
    [InlineData("What are your sorces", SmallTalkKind.Sources)]
    [InlineData("who wrote this article?", SmallTalkKind.Sources)]
    [InlineData("where do you get your information from?", SmallTalkKind.Sources)]
    [InlineData("what's new?", SmallTalkKind.Recency)]
    [InlineData("What’s the latest news?", SmallTalkKind.Recency)]
    [InlineData("how recent is this?", SmallTalkKind.Recency)]
    [InlineData("When was this article written?", SmallTalkKind.Recency)]
    [InlineData("when was this article published", SmallTalkKind.Recency)]
    [InlineData("give me an overview", SmallTalkKind.Overview)]
    [InlineData("summarize the article", SmallTalkKind.Overview)]
    [InlineData("Summarise", SmallTalkKind.Overview)]
    [InlineData("How did the region react?", SmallTalkKind.Overview)]
    public void Small_talk_is_recognised_by_its_shape(string message, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalk.Recognise(message));
    }

    [Theory]
    [InlineData("hi, does Kazakhstan recognise the Taliban?")]
    [InlineData("Thanks, and what did Tokayev say about terrorism?")]
    [InlineData("What did the Taliban say about thanks from Uzbekistan?")]
    [InlineData("which sources say Tajikistan supports the resistance?")]
    [InlineData("What happened at the border of Turkmenistan?")]
    [InlineData("Kazakhstan")]
    [InlineData("???")]
    public void Questions_that_contain_small_talk_words_are_questions(string message)
    {
        Assert.Null(SmallTalk.Recognise(message));
    }

    [Theory]
    [InlineData("thanks!", "You're welcome")]
    [InlineData("hi", "RegionBot")]
    [InlineData("bye", "Goodbye")]
    [InlineData("who are you?", "never write an answer of my own")]
    [InlineData("what can you do?", "Ask in plain words")]
    public async Task Small_talk_gets_the_bots_own_short_reply_without_a_search(string message, string expected)
    {
        var search = new RecordingSearch(knowledge.Store);

        await new TestFlow(new TestAdapter(), TestBots.Handler(search, Log()))
            .Send(message)
            .AssertReply(reply => Assert.Contains(expected, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .AssertNoReply("one reply", 300)
            .StartTestAsync();

        Assert.Empty(search.Questions);
    }

    [Fact]
    public async Task What_are_your_sources_names_each_source_with_its_date_and_passages_per_country()
    {
        var sources = knowledge.Store.Knowledge;
        string? text = null;

        await new TestFlow(new TestAdapter(), TestBots.Handler(knowledge.Store, Log()))
            .Send("What are your sources?")
            .AssertReply(reply => text = reply.AsMessageActivity().Text)
            .StartTestAsync();

        foreach (var source in sources.Sources)
        {
            Assert.Contains($"**{source.Publisher}**, “{source.Title}”", text, StringComparison.Ordinal);
            Assert.Contains(source.Date is null ? "no date given" : "dated " + source.Date, text, StringComparison.Ordinal);
        }

        foreach (var country in sources.CoveredCountries)
        {
            var count = sources.Passages.Count(p => p.Country == country);
            Assert.Contains($"{count} passage{(count == 1 ? "" : "s")} on {country}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Whats_new_says_what_dates_the_sources_give()
    {
        string? text = null;

        await new TestFlow(new TestAdapter(), TestBots.Handler(knowledge.Store, Log()))
            .Send("what's the latest news?")
            .AssertReply(reply => text = reply.AsMessageActivity().Text)
            .StartTestAsync();

        // The shipped source gives no date, and the bot does not invent one.
        Assert.All(knowledge.Store.Knowledge.Sources, source => Assert.Null(source.Date));
        Assert.StartsWith("My source gives no publication date", text, StringComparison.Ordinal);
        Assert.Contains("nothing newer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dated_sources_are_answered_with_their_dates_oldest_first()
    {
        var older = new Source("a", "Wire", "Early days", "2021-08-20", null, "a.md");
        var newer = new Source("b", "Daily", "A year on", "2022-08-15", null, "b.md");
        var undated = new Source("c", "Weekly", "Undated", null, null, "c.md");
        var knowledgeBase = new KnowledgeBase([newer, undated, older], [], "hash");

        var text = BotMessages.Recency(knowledgeBase).Text;

        Assert.StartsWith("My sources are dated from 2021-08-20 to 2022-08-15: Wire, “Early days” (dated 2021-08-20); Daily, “A year on” (dated 2022-08-15); Weekly, “Undated” (no date given).", text, StringComparison.Ordinal);
    }

    private JsonLinesFeedbackLog Log() => new(Path.Combine(_folder.Path, "feedback.jsonl"));
}
