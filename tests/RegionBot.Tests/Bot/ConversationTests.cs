using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using RegionBot.Commands;
using RegionBot.Feedback;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// Conversations over Bot Builder's TestAdapter, with the real knowledge, in-memory conversation state and the
/// real feedback log in a scratch folder: follow-ups, clarifying questions, comparisons, suggestions and ratings.
/// </summary>
public sealed class ConversationTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private const string RecognitionQuestion = "Does Kazakhstan recognise the Taliban?";
    private const string AmbiguousQuestion = "recognition of the government";
    private const string StatementQuestion = "What did Uzbekistan's president say about the Taliban?";

    private readonly TempDirectory _folder = new();

    private string FeedbackPath => Path.Combine(_folder.Path, "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task What_about_another_country_answers_the_previous_topic_for_it_and_says_so()
    {
        var first = knowledge.Store.Search(RecognitionQuestion);
        var expected = knowledge.Store.Search("What about Tajikistan?", SearchContext.From(first));
        Assert.True(expected.IsFollowUp && expected.HasAnswer, "the search resolves this follow-up");

        var replies = await ConverseAsync(RecognitionQuestion, "What about Tajikistan?");

        var text = replies[1].Text;
        Assert.StartsWith($"*About Tajikistan: {first.Topic}*\n\n", text, StringComparison.Ordinal);
        Assert.Equal(AnswerText.Format(expected), text);
        Assert.All(expected.Hits, hit => Assert.Equal("Tajikistan", hit.Passage.Country));
    }

    [Fact]
    public async Task What_did_he_say_follows_the_previous_speaker()
    {
        var replies = await ConverseAsync("What did Tokayev say about the military?", "What did he say about terrorism?");

        var text = replies[1].Text;
        Assert.StartsWith("*About Kassym-Jomart Tokayev", text, StringComparison.Ordinal);
        Assert.Contains(knowledge.Store.Knowledge.Passages.Single(p => p.Id == "trt-kz-3").Text[..40], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_question_asks_which_country_and_a_click_answers_for_it()
    {
        var ambiguous = knowledge.Store.Search(AmbiguousQuestion);
        Assert.True(ambiguous.Clarify.Count >= 2, "the knowledge answers this for several countries");

        var question = (await ConverseAsync(AmbiguousQuestion))[0];

        Assert.Contains("Which one do you mean", question.Text, StringComparison.Ordinal);
        Assert.All(ambiguous.Clarify, country => Assert.Contains(country, question.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("*Source:", question.Text, StringComparison.Ordinal);
        Assert.Empty(question.Attachments ?? []);
        Assert.Equal(ambiguous.Clarify, question.SuggestedActions.Actions.Select(a => (string)a.Value));
        Assert.All(question.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));

        var choice = (string)question.SuggestedActions.Actions[1].Value;
        var replies = await ConverseAsync(AmbiguousQuestion, choice);

        var answer = replies[1];
        Assert.Contains("*Source:", answer.Text, StringComparison.Ordinal);
        var shownCountries = knowledge.Store.Knowledge.Passages
            .Where(p => answer.Text.Contains(p.Text[..40], StringComparison.Ordinal))
            .Select(p => p.Country)
            .Distinct()
            .ToArray();
        Assert.Equal([choice], shownCountries);
    }

    [Fact]
    public async Task A_comparison_shows_one_attributed_block_per_country_without_a_table()
    {
        const string question = "Compare Kazakhstan and Tajikistan on recognising the Taliban";
        var expected = knowledge.Store.Search(question);
        Assert.True(expected.IsComparison);

        var text = (await ConverseAsync(question))[0].Text;

        Assert.Equal(AnswerText.Format(expected), text);
        var kazakhstan = text.IndexOf("\n\n**Kazakhstan**", StringComparison.Ordinal);
        var tajikistan = text.IndexOf("\n\n**Tajikistan**", StringComparison.Ordinal);
        Assert.True(kazakhstan > 0 && tajikistan > kazakhstan, text);
        // The source is named once, not under every passage.
        Assert.Equal(1, text.Split("*Source: ").Length - 1);
        foreach (var hit in expected.Hits)
        {
            Assert.Contains(hit.Passage.Text[..40], text, StringComparison.Ordinal);
            Assert.Contains($"**{hit.Passage.Country}** · {hit.Passage.Speaker}, ", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("|", text.Replace("\\|", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_suggests_two_other_countries_that_the_knowledge_answers_and_they_work_when_clicked()
    {
        // A question whose topic more than two other countries answer, so the bot has to pick two.
        var (question, answerable) = CandidateQuestions
            .Select(q => (Question: q, Answerable: AnswerableOtherCountries(knowledge.Store.Search(q))))
            .FirstOrDefault(c => c.Answerable.Length > 2);
        Assert.True(question is not null, "one of the candidate questions has a topic more than two other countries answer");

        var answer = (await ConverseAsync(question))[0];

        var suggestions = answer.SuggestedActions.Actions.Select(a => (string)a.Value).ToArray();
        Assert.InRange(suggestions.Length, 1, 3);
        Assert.All(answer.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        var countries = suggestions
            .Where(s => s.StartsWith("What about ", StringComparison.Ordinal))
            .Select(s => s["What about ".Length..^1])
            .ToArray();
        Assert.Equal(2, countries.Length);
        Assert.Subset(answerable.ToHashSet(), countries.ToHashSet());

        foreach (var country in countries)
        {
            var followUp = (await ConverseAsync(question, $"What about {country}?"))[1];
            Assert.StartsWith($"*About {country}", followUp.Text, StringComparison.Ordinal);
            Assert.Contains("*Source:", followUp.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Countries_without_an_answer_on_the_topic_are_not_suggested()
    {
        var first = knowledge.Store.Search(RecognitionQuestion);
        var unanswered = first.CoveredCountries
            .Where(country => !knowledge.Store.Search($"What about {country}?", SearchContext.From(first)).HasAnswer)
            .ToArray();
        Assert.NotEmpty(unanswered);

        var answer = (await ConverseAsync(RecognitionQuestion))[0];

        var suggestions = answer.SuggestedActions.Actions.Select(a => (string)a.Value).ToArray();
        Assert.Contains("What about Tajikistan?", suggestions);
        Assert.DoesNotContain("What about Kazakhstan?", suggestions);
        Assert.All(unanswered, country => Assert.DoesNotContain($"What about {country}?", suggestions));
    }

    [Fact]
    public async Task A_statement_answer_suggests_more_from_its_speaker_and_that_shows_new_passages()
    {
        const string question = "What did Tokayev say about the military?";
        var first = knowledge.Store.Search(question);
        var top = first.Hits[0].Passage;
        Assert.Equal(PassageKind.Statement, top.Kind);

        var answer = (await ConverseAsync(question))[0];

        var more = $"What else did {top.Speaker} say?";
        Assert.Contains(more, answer.SuggestedActions.Actions.Select(a => (string)a.Value));
        var next = (await ConverseAsync(question, more))[1];
        Assert.Contains($" · {top.Speaker}, ", next.Text, StringComparison.Ordinal);
        Assert.All(first.Hits, hit => Assert.DoesNotContain(hit.Passage.Text[..40], next.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_from_a_speaker_is_suggested_when_all_their_statements_were_shown()
    {
        // A question whose answer shows every statement of its top passage's speaker.
        var question = CandidateQuestions.FirstOrDefault(q => knowledge.Store.Search(q) is { HasAnswer: true } shown
            && shown.Hits[0].Passage.Speaker is { } s
            && knowledge.Store.Knowledge.Passages.Where(p => p.Speaker == s).All(p => shown.Hits.Any(h => h.Passage.Id == p.Id)));
        Assert.True(question is not null, "one of the candidate questions shows all of a speaker's statements");
        var speaker = knowledge.Store.Search(question).Hits[0].Passage.Speaker!;

        var answer = (await ConverseAsync(question))[0];

        Assert.DoesNotContain(answer.SuggestedActions.Actions, a => ((string)a.Value).Contains(speaker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_answer_carries_Web_Chat_votes_naming_its_question_and_passages_and_no_card()
    {
        var expected = knowledge.Store.Search(RecognitionQuestion);

        var answer = (await ConverseAsync(RecognitionQuestion))[0];

        Assert.Empty(answer.Attachments ?? []);
        var votes = answer.Entities.Where(e => e.Type == FeedbackRequest.VoteActionType).Select(e => JObject.FromObject(e)).ToArray();
        Assert.Equal(["upvote", "downvote"], votes.Select(v => (string)v["actionOption"]!));
        Assert.All(votes, v => Assert.Equal("VoteAction", (string)v["@type"]!));
        Assert.All(votes, v => Assert.Equal(RecognitionQuestion, (string)v["object"]!["about"]!));
        Assert.All(votes, v => Assert.Equal(expected.Hits.Select(h => h.Passage.Id), v["object"]!["citation"]!.Values<string>()));
    }

    [Fact]
    public async Task A_Web_Chat_vote_on_an_earlier_answer_logs_the_rating_of_that_answer_without_a_reply()
    {
        var adapter = new TestAdapter();
        var log = new JsonLinesFeedbackLog(FeedbackPath);
        var bot = TestBots.Handler(knowledge.Store, log);
        var before = DateTimeOffset.UtcNow;
        Entity? downvote = null;

        await new TestFlow(adapter, bot)
            .Send(RecognitionQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => downvote = reply.AsMessageActivity().Entities.Single(e => (string?)e.Properties["actionOption"] == "downvote"))
            .Send("What about Tajikistan?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.StartsWith("*About Tajikistan", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        // What Web Chat 4.18 posts when a thumb in the activity status is clicked: an event carrying that entity.
        await new TestFlow(adapter, bot)
            .Send(new Activity { Type = ActivityTypes.Event, Name = FeedbackRequest.WebChatVoteEvent, Entities = [downvote!] })
            .AssertNoReply("the pressed thumb is the acknowledgement", 300)
            .StartTestAsync();

        // The vote on the first answer rates the first answer, although another answer came after it.
        var entry = Assert.Single((await log.ReadAllAsync()).Entries);
        Assert.Equal(FeedbackKind.Rating, entry.Kind);
        Assert.False(entry.Helpful);
        Assert.Equal(RecognitionQuestion, entry.Question);
        Assert.Equal(knowledge.Store.Search(RecognitionQuestion).Hits.Select(h => h.Passage.Id), entry.PassageIds);
        Assert.Equal(adapter.Conversation.Conversation.Id, entry.ConversationId);
        Assert.Equal(adapter.Conversation.ChannelId, entry.ChannelId);
        Assert.InRange(entry.Timestamp, before, DateTimeOffset.UtcNow);
        Assert.Equal(TimeSpan.Zero, entry.Timestamp.Offset);
    }

    [Fact]
    public async Task Typing_helpful_after_an_answer_rates_that_answer_once()
    {
        var log = new JsonLinesFeedbackLog(FeedbackPath);

        await new TestFlow(new TestAdapter(), TestBots.Handler(knowledge.Store, log))
            .Send(StatementQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("*Source:", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Helpful!")
            .AssertReply(reply => Assert.Contains("glad it helped", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("helpful")
            .AssertReply(reply => Assert.Contains("no answer to rate", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var entry = Assert.Single((await log.ReadAllAsync()).Entries);
        Assert.True(entry.Helpful);
        Assert.Equal(StatementQuestion, entry.Question);
        Assert.Equal(knowledge.Store.Search(StatementQuestion).Hits.Select(h => h.Passage.Id), entry.PassageIds);
    }

    [Fact]
    public async Task Unanswered_questions_are_logged_and_the_report_lists_them_with_the_poorly_rated_answers()
    {
        var log = new JsonLinesFeedbackLog(FeedbackPath);

        await new TestFlow(new TestAdapter(), TestBots.Handler(knowledge.Store, log))
            .Send("What is the capital of Brazil?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("no information", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("not helpful")
            .AssertReply(reply => Assert.Contains("no answer to rate", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("what is the capital of   brazil")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("no information", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Who won the 2022 football World Cup?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("no information", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(RecognitionQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("*Source:", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("not helpful")
            .AssertReply(reply => Assert.Contains("did not help", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandLine.TryRun(["report", "--feedback", FeedbackPath], output, error);

        Assert.Equal(0, exitCode);
        var report = output.ToString();
        var lines = report.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var brazil = Array.FindIndex(lines, line => line.Contains("2×", StringComparison.Ordinal) && line.Contains("capital of", StringComparison.OrdinalIgnoreCase));
        var football = Array.FindIndex(lines, line => line.Contains("1×", StringComparison.Ordinal) && line.Contains("World Cup", StringComparison.Ordinal));
        Assert.True(brazil > 0 && football > brazil, report);
        var rated = Array.FindIndex(lines, line => line.Contains("👎 1  👍 0  " + RecognitionQuestion, StringComparison.Ordinal));
        Assert.True(rated > football, report);
        Assert.Contains(string.Join(", ", knowledge.Store.Search(RecognitionQuestion).Hits.Select(h => h.Passage.Id)), lines[rated + 1], StringComparison.Ordinal);
    }

    /// <summary>Questions the tests choose from, so that their preconditions survive changes to the ranking.</summary>
    private static readonly string[] CandidateQuestions =
    [
        "What did Kyrgyzstan's foreign minister say?",
        "What did Tokayev say about the military?",
        StatementQuestion,
        "What did Mirziyoyev say about the Taliban?",
        "How is Turkmenistan working with the Taliban?",
        "What did Kazakhstan say about security on the border?",
        "What did Kazakbaev say about the Taliban?",
        "What did Rahmon say?",
        "What did Tajikistan's president say about an inclusive government?",
        "What did Uzbekistan say about humanitarian aid?",
    ];

    private string[] AnswerableOtherCountries(SearchAnswer first) => first.CoveredCountries
        .Where(country => !first.DetectedCountries.Contains(country) && first.Hits.All(h => h.Passage.Country != country))
        .Where(country => first.Topic is not null
            && knowledge.Store.Search($"What about {country}?", SearchContext.From(first)).Hits.Any(h => h.Passage.Country == country))
        .ToArray();

    /// <summary>Sends the messages in one conversation and returns the bot's message replies (typing indicators left out).</summary>
    private async Task<IReadOnlyList<IMessageActivity>> ConverseAsync(params string[] messages)
    {
        var replies = new List<IMessageActivity>();
        var adapter = new TestAdapter();
        var bot = TestBots.Handler(knowledge.Store, new JsonLinesFeedbackLog(FeedbackPath));
        foreach (var message in messages)
        {
            await adapter.ProcessActivityAsync(MessageFactory.Text(message), bot.OnTurnAsync, CancellationToken.None);
            while (adapter.ActiveQueue.Count > 0)
            {
                var reply = adapter.GetNextReply();
                if (reply.Type == ActivityTypes.Message)
                {
                    replies.Add(reply.AsMessageActivity());
                }
            }
        }

        return replies;
    }
}
