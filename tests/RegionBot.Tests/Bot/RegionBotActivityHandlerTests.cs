using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using RegionBot.Bot;
using RegionBot.Feedback;
using RegionBot.Knowledge.Model;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>The bot's conversation behaviour over Bot Builder's TestAdapter, searching the real knowledge.</summary>
public sealed class RegionBotActivityHandlerTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private const string AnsweredQuestion = "What did Uzbekistan's president say about the Taliban?";
    private const string UncoveredQuestion = "What is the capital of Brazil?";
    private const uint NoReplyWaitMs = 300;

    private readonly RecordingSearch _search = new(knowledge.Store);
    private readonly TempDirectory _feedbackFolder = new();

    [Fact]
    public async Task A_question_gets_typing_then_one_reply_with_the_best_passages_and_their_sources()
    {
        var expected = knowledge.Store.Search(AnsweredQuestion);
        Assert.True(expected.HasAnswer, "the knowledge answers this question");

        await NewFlow()
            .Send(AnsweredQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal(TextFormatTypes.Markdown, message.TextFormat);
                Assert.Equal(AnswerText.Format(expected), message.Text);
                foreach (var hit in expected.Hits)
                {
                    Assert.Contains(hit.Passage.Source.Publisher, message.Text, StringComparison.Ordinal);
                    Assert.Contains(hit.Passage.Source.Title, message.Text, StringComparison.Ordinal);
                    if (hit.Passage.Speaker is { } speaker)
                    {
                        Assert.Contains(speaker, message.Text, StringComparison.Ordinal);
                    }
                }

                Assert.NotEmpty(message.SuggestedActions.Actions);
            })
            .AssertNoReply("one answer per question", NoReplyWaitMs)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_the_knowledge_does_not_answer_gets_a_reply_naming_the_covered_countries()
    {
        var expected = knowledge.Store.Search(UncoveredQuestion);
        Assert.False(expected.HasAnswer, "the knowledge has nothing about Brazil");

        await NewFlow()
            .Send(UncoveredQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.NotEmpty(expected.CoveredCountries);
                foreach (var country in expected.CoveredCountries)
                {
                    Assert.Contains(country, message.Text, StringComparison.Ordinal);
                }

                Assert.Equal(BotMessages.ExampleQuestions, message.SuggestedActions.Actions.Select(a => (string)a.Value));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_new_conversation_welcomes_the_user_once_and_never_the_bot_itself()
    {
        var adapter = new TestAdapter();
        var botId = adapter.Conversation.Bot.Id;
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount(botId, "RegionBot"), new ChannelAccount("user-7", "Aigerim")],
        };

        await new TestFlow(adapter, NewBot())
            .Send(update)
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Contains("Aigerim", message.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Welcome, RegionBot", message.Text, StringComparison.Ordinal);
                foreach (var country in Countries.CentralAsia)
                {
                    Assert.Contains(country, message.Text, StringComparison.Ordinal);
                }

                Assert.Contains(
                    message.SuggestedActions.Actions,
                    action => action.Type == ActionTypes.ImBack && (string)action.Value == "Does Kazakhstan recognise the Taliban?");
            })
            .AssertNoReply("only the user is greeted", NoReplyWaitMs)
            .StartTestAsync();
    }

    [Fact]
    public async Task The_bot_joining_alone_gets_no_welcome()
    {
        var adapter = new TestAdapter();
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount(adapter.Conversation.Bot.Id, "RegionBot")],
        };

        await new TestFlow(adapter, NewBot())
            .Send(update)
            .AssertNoReply("the bot does not greet itself", NoReplyWaitMs)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  HELP ")]
    [InlineData("?")]
    [InlineData("/help")]
    public async Task Help_explains_what_to_ask_without_searching(string text)
    {
        await NewFlow()
            .Send(text)
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Contains("Central Asian", message.Text, StringComparison.Ordinal);
                Assert.Contains("Taliban", message.Text, StringComparison.Ordinal);
                Assert.NotEmpty(message.SuggestedActions.Actions);
            })
            .AssertNoReply("help is one reply", NoReplyWaitMs)
            .StartTestAsync();

        Assert.Empty(_search.Questions);
    }

    [Fact]
    public async Task A_Teams_channel_mention_of_the_bot_never_reaches_the_search()
    {
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams);
        var bot = adapter.Conversation.Bot;

        // The shape Teams posts for "@RegionBot question" in a channel: the tag in the text and a mention entity.
        var message = JsonConvert.DeserializeObject<Activity>($$"""
            {
              "type": "message",
              "text": "<at>RegionBot</at> {{AnsweredQuestion}}\n",
              "textFormat": "plain",
              "entities": [
                { "type": "mention", "text": "<at>RegionBot</at>", "mentioned": { "id": "{{bot.Id}}", "name": "RegionBot" } },
                { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web" }
              ]
            }
            """)!;

        await new TestFlow(adapter, NewBot())
            .Send(message)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Equal(
                TeamsReplies.SpacedParagraphs(AnswerText.Format(knowledge.Store.Search(AnsweredQuestion))),
                reply.AsMessageActivity().Text))
            .StartTestAsync();

        // The question is searched first; the searches after it check the follow-up suggestions.
        Assert.Equal(AnsweredQuestion, _search.Questions[0]);
        Assert.DoesNotContain(_search.Questions, question => question.Contains("<at>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_mention_without_a_matching_entity_is_stripped_too()
    {
        await NewFlow()
            .Send("<at>Region Bot</at> " + AnsweredQuestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.NotNull(reply.AsMessageActivity().Text))
            .StartTestAsync();

        // The question is searched first; the searches after it check the follow-up suggestions.
        Assert.Equal(AnsweredQuestion, _search.Questions[0]);
        Assert.DoesNotContain(_search.Questions, question => question.Contains("<at>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_mention_entity_that_names_nobody_does_not_break_the_turn()
    {
        var message = JsonConvert.DeserializeObject<Activity>($$"""
            { "type": "message", "text": "<at>RegionBot</at> {{AnsweredQuestion}}", "entities": [ { "type": "mention" } ] }
            """)!;

        await NewFlow()
            .Send(message)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.NotEqual(AdapterWithErrorHandler.ErrorReply, reply.AsMessageActivity().Text))
            .StartTestAsync();

        // The question is searched first; the searches after it check the follow-up suggestions.
        Assert.Equal(AnsweredQuestion, _search.Questions[0]);
        Assert.DoesNotContain(_search.Questions, question => question.Contains("<at>", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<at>RegionBot</at>")]
    public async Task A_message_without_text_gets_a_clear_reply(string text)
    {
        var message = MessageFactory.Text(text);
        message.Attachments = [new Attachment("image/png", "http://127.0.0.1/picture.png")];

        await NewFlow()
            .Send(message)
            .AssertReply(reply =>
            {
                var answer = reply.AsMessageActivity();
                Assert.Contains("no text", answer.Text, StringComparison.Ordinal);
                Assert.NotEmpty(answer.SuggestedActions.Actions);
            })
            .StartTestAsync();

        Assert.Empty(_search.Questions);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.EndOfConversation)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    public async Task Other_activity_types_are_accepted_silently(string type)
    {
        var adapter = new TestAdapter();
        adapter.OnTurnError = (_, exception) => throw new Xunit.Sdk.XunitException("The turn failed: " + exception);

        await new TestFlow(adapter, NewBot())
            .Send(new Activity { Type = type, Name = "some-event", Action = "add" })
            .AssertNoReply("nothing to say", NoReplyWaitMs)
            .StartTestAsync();
    }

    public void Dispose() => _feedbackFolder.Dispose();

    private TestFlow NewFlow() => new(new TestAdapter(), NewBot());

    private RegionBotActivityHandler NewBot() =>
        TestBots.Handler(_search, new JsonLinesFeedbackLog(Path.Combine(_feedbackFolder.Path, "feedback.jsonl")));
}
