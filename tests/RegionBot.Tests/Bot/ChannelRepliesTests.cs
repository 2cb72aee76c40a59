using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RegionBot.Feedback;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// What each channel gets over Bot Builder's TestAdapter with the real knowledge: citations for Teams and Web Chat,
/// Teams' feedback loop and its invoke, Web Chat's votes and citation links, and replies that keep Teams'
/// formatting apart from its suggested actions.
/// </summary>
public sealed class ChannelRepliesTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private const string Question = "What did Uzbekistan's president say about the Taliban?";

    private readonly TempDirectory _folder = new();

    private string LogPath => Path.Combine(_folder.Path, "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Teams_gets_citations_and_the_feedback_loop_and_its_suggestions_in_a_plain_message_of_their_own()
    {
        var expected = AnswerComposer.FromSearch(knowledge.Store.Search(Question));
        var adapter = TeamsAdapter("personal");

        await new TestFlow(adapter, TestBots.Handler(knowledge.Store, new JsonLinesFeedbackLog(LogPath)))
            .Send(Question)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal(TeamsReplies.SpacedParagraphs(AnswerText.Format(expected)), message.Text);
                Assert.DoesNotContain("cite:", message.Text, StringComparison.Ordinal);
                Assert.Equal(TextFormatTypes.Markdown, message.TextFormat);
                Assert.True((bool)JObject.FromObject(message.ChannelData)["feedbackLoopEnabled"]!);
                AssertCitations(message, expected);
                Assert.DoesNotContain(message.Entities, e => e.Type == FeedbackRequest.VoteActionType);
                Assert.Empty(message.Attachments ?? []);
                Assert.Null(message.SuggestedActions);
            })
            .AssertReply(reply =>
            {
                var suggestions = reply.AsMessageActivity();
                Assert.Equal(TeamsReplies.SuggestionsPrompt, suggestions.Text);
                Assert.Equal(TextFormatTypes.Plain, suggestions.TextFormat);
                Assert.NotEmpty(suggestions.SuggestedActions.Actions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task In_a_Teams_channel_suggestions_are_left_out_since_Teams_shows_them_only_in_personal_chat()
    {
        await new TestFlow(TeamsAdapter("channel"), TestBots.Handler(knowledge.Store, new JsonLinesFeedbackLog(LogPath)))
            .Send(Question)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Null(reply.AsMessageActivity().SuggestedActions))
            .AssertNoReply("no message of suggestions", 300)
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_feedback_on_an_earlier_answer_is_answered_200_and_logs_that_answer_with_its_comment()
    {
        var adapter = TeamsAdapter("personal");
        var log = new JsonLinesFeedbackLog(LogPath);
        var bot = TestBots.Handler(knowledge.Store, log);
        string? firstId = null;

        await new TestFlow(adapter, bot)
            .Send(Question)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => firstId = reply.Id)
            .AssertReply(reply => Assert.NotNull(reply.AsMessageActivity().SuggestedActions))
            .Send("Does Kazakhstan recognise the Taliban?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.NotEqual(firstId, reply.Id))
            .StartTestAsync();
        Assert.False(string.IsNullOrEmpty(firstId));
        while (adapter.ActiveQueue.Count > 0)
        {
            adapter.GetNextReply();
        }

        // The invoke Teams sends when the user submits the feedback form under the first answer.
        var invoke = JsonConvert.DeserializeObject<Activity>($$"""
            { "type": "invoke", "name": "message/submitAction", "replyToId": "{{firstId}}",
              "value": { "actionName": "feedback", "actionValue": { "reaction": "dislike", "feedback": "{\"feedbackText\":\"Not what I asked\"}" } } }
            """)!;
        await new TestFlow(adapter, bot)
            .Send(invoke)
            .AssertReply(reply =>
            {
                Assert.Equal("invokeResponse", reply.Type);
                Assert.Equal(200, ((InvokeResponse)((Activity)reply).Value).Status);
            })
            .AssertNoReply("Teams thanks the user itself", 300)
            .StartTestAsync();

        var entry = Assert.Single((await log.ReadAllAsync()).Entries);
        Assert.Equal((FeedbackKind.Rating, false, Question, "Not what I asked"), (entry.Kind, entry.Helpful, entry.Question, entry.Comment));
        Assert.Equal(knowledge.Store.Search(Question).Hits.Select(h => h.Passage.Id), entry.PassageIds);
        Assert.Equal(Channels.Msteams, entry.ChannelId);
    }

    [Fact]
    public async Task Web_Chat_gets_citations_with_link_definitions_and_votes_instead_of_a_rating_card()
    {
        var expected = AnswerComposer.FromSearch(knowledge.Store.Search(Question));

        await new TestFlow(new TestAdapter(Channels.Directline), TestBots.Handler(knowledge.Store, new JsonLinesFeedbackLog(LogPath)))
            .Send(Question)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal(AnswerText.WithCitationLinks(AnswerText.Format(expected), expected.Passages), message.Text);
                AssertCitations(message, expected);
                Assert.Equal(2, message.Entities.Count(e => e.Type == FeedbackRequest.VoteActionType));
                Assert.Null(message.ChannelData);
                Assert.Empty(message.Attachments ?? []);
                Assert.NotEmpty(message.SuggestedActions.Actions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_follow_up_about_a_country_the_sources_cover_on_other_matters_gets_a_partial_answer()
    {
        var log = new JsonLinesFeedbackLog(LogPath);

        await new TestFlow(new TestAdapter(), TestBots.Handler(knowledge.Store, log))
            .Send("Does Tajikistan recognise the Taliban?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.StartsWith("> “", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("what about uzbekistan?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("My sources don't answer this for Uzbekistan", text, StringComparison.Ordinal);
                Assert.Contains("**Uzbekistan, on other matters**", text, StringComparison.Ordinal);
                Assert.DoesNotContain("I have no information", text, StringComparison.Ordinal);
            })
            .StartTestAsync();

        // The question itself went unanswered, which the report should show.
        var entry = Assert.Single((await log.ReadAllAsync()).Entries);
        Assert.Equal(FeedbackKind.Unanswered, entry.Kind);
    }

    [Fact]
    public async Task Give_me_an_overview_answers_with_a_cited_overview_without_searching_the_words()
    {
        var search = new RecordingSearch(knowledge.Store);

        await new TestFlow(new TestAdapter(Channels.Directline), TestBots.Handler(search, new JsonLinesFeedbackLog(LogPath)))
            .Send("Give me an overview")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("Here is an overview", message.Text, StringComparison.Ordinal);
                var claims = JObject.FromObject(message.Entities.Single(e => e.Type == Citations.MessageType))["citation"]!;
                Assert.Equal(knowledge.Store.Knowledge.CoveredCountries.Count + 1, claims.Count());
            })
            .StartTestAsync();

        Assert.DoesNotContain("Give me an overview", search.Questions);
    }

    private static void AssertCitations(IMessageActivity message, ComposedAnswer expected)
    {
        var entity = JObject.FromObject(message.Entities.Single(e => e.Type == Citations.MessageType));
        Assert.Equal(expected.Passages.Select(p => p.Number), entity["citation"]!.Select(c => (int)c["position"]!));
        Assert.All(expected.Passages, p => Assert.Contains($"[{p.Number}]", message.Text, StringComparison.Ordinal));
    }

    private static TestAdapter TeamsAdapter(string conversationType)
    {
        var adapter = new TestAdapter(Channels.Msteams);
        adapter.Conversation.Conversation.ConversationType = conversationType;
        return adapter;
    }
}
