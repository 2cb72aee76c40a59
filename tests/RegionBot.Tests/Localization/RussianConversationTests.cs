using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using RegionBot.Feedback;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Localization;

/// <summary>Conversations in Russian over Bot Builder's TestAdapter, searching the real knowledge.</summary>
public sealed class RussianConversationTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private const string EnglishNote = "Источник на английском языке";
    private const uint NoReplyWaitMs = 300;

    private readonly RecordingSearch _search = new(knowledge.Store);
    private readonly TempDirectory _feedbackFolder = new();

    [Fact]
    public async Task A_russian_question_gets_the_english_passages_framed_in_russian()
    {
        await NewFlow()
            .Send("Признаёт ли Казахстан талибов?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Contains("does not recognise the Taliban-ruled government", message.Text, StringComparison.Ordinal);
                Assert.Contains(EnglishNote, message.Text, StringComparison.Ordinal);
                Assert.Contains("**Казахстан**", message.Text, StringComparison.Ordinal);
                Assert.Contains("*Источник: TRT World", message.Text, StringComparison.Ordinal);
                Assert.Contains("раздел", message.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Source:", message.Text, StringComparison.Ordinal);
                Assert.NotEmpty(message.SuggestedActions.Actions);
                Assert.All(message.SuggestedActions.Actions, action => Assert.Matches(@"\p{IsCyrillic}", action.Title));
            })
            .AssertNoReply("one answer per question", NoReplyWaitMs)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_suggested_action_offered_in_russian_leads_to_a_russian_answer()
    {
        IMessageActivity? first = null;
        var flow = NewFlow()
            .Send("что сказал мирзиёев о талибах")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => first = reply.AsMessageActivity());
        await flow.StartTestAsync();

        var suggestion = (string)first!.SuggestedActions.Actions[0].Value;
        Assert.Matches(@"\p{IsCyrillic}", suggestion);
        await flow
            .Send(suggestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains(EnglishNote, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_russian_suggestion_names_the_speaker_in_russian_and_answers_about_him()
    {
        IMessageActivity? first = null;
        var flow = NewFlow()
            .Send("что сказал токаев о терроризме")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => first = reply.AsMessageActivity());
        await flow.StartTestAsync();

        var suggestion = first!.SuggestedActions.Actions.Select(a => (string)a.Value).Single(v => v.StartsWith("Что ещё сказал", StringComparison.Ordinal));
        Assert.Equal("Что ещё сказал Касым-Жомарт Токаев?", suggestion);
        await flow
            .Send(suggestion)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("Kassym-Jomart Tokayev", text, StringComparison.Ordinal);
                Assert.Contains(EnglishNote, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Russian_typed_in_latin_letters_gets_a_russian_answer()
    {
        await NewFlow()
            .Send("kazahstan priznaet talibov?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("does not recognise the Taliban-ruled government", text, StringComparison.Ordinal);
                Assert.Contains(EnglishNote, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_russian_reply_never_shows_the_english_words_the_question_was_searched_by()
    {
        await NewFlow()
            .Send("сколько солдат в армии казахстана")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("Мои источники не отвечают на это про Казахстан.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("how many", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Russian_follow_ups_carry_the_subject_and_the_speaker_over()
    {
        await NewFlow()
            .Send("Признаёт ли Казахстан талибов?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("does not recognise the Taliban-ruled government", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("а Таджикистан?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("Tajikistan will not recognise an Afghan government", text, StringComparison.Ordinal);
                Assert.Contains("*Вопрос о: Таджикистан", text, StringComparison.Ordinal);
            })
            .Send("Что сказал Токаев?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("Tokayev", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("что ещё он сказал?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("Kassym-Jomart Tokayev", text, StringComparison.Ordinal);
                Assert.Contains(EnglishNote, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Как Монголия отреагировала на талибов?")]
    [InlineData("какой рецепт плова")]
    [InlineData("кто выиграл чемпионат по футболу")]
    public async Task An_out_of_scope_russian_question_gets_the_russian_no_information_reply_with_what_is_covered(string question)
    {
        await NewFlow()
            .Send(question)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("нет информации", text, StringComparison.Ordinal);
                foreach (var country in new[] { "Казахстан", "Кыргызстан", "Таджикистан", "Туркменистан", "Узбекистан" })
                {
                    Assert.Contains(country, text, StringComparison.Ordinal);
                }

                Assert.DoesNotContain("trt-", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Қазақстан талибтерді мойындай ма?")]
    [InlineData("Кыргызстан талибдерди тааныйбы?")]
    [InlineData("O'zbekiston Tolibonni tan oladimi?")]
    [InlineData("Тоҷикистон Толибонро эътироф мекунад?")]
    [InlineData("哈萨克斯坦承认塔利班吗？")]
    public async Task A_question_in_an_unsupported_language_gets_a_short_reply_in_english_and_russian_and_no_answer(string question)
    {
        await NewFlow()
            .Send(question)
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Contains("English and Russian", message.Text, StringComparison.Ordinal);
                Assert.Contains("на английском и русском", message.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("TRT World", message.Text, StringComparison.Ordinal);
                Assert.Equal(2, message.SuggestedActions.Actions.Count);
            })
            .AssertNoReply("no answer follows", NoReplyWaitMs)
            .StartTestAsync();

        Assert.Empty(_search.Questions);
    }

    [Fact]
    public async Task The_reply_language_follows_each_message_and_the_conversation_for_bare_names()
    {
        await NewFlow()
            .Send("Does Kazakhstan recognise the Taliban?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("*Source: TRT World", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("а Узбекистан?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("*Источник: TRT World", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("Rahmon")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains(EnglishNote, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("What did Rahmon say?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.Contains("*Source: TRT World", text, StringComparison.Ordinal);
                Assert.DoesNotContain(EnglishNote, text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("привет", "Здравствуйте")]
    [InlineData("спасибо!", "Пожалуйста")]
    [InlineData("помощь", "Спрашивайте простыми словами")]
    [InlineData("кто ты?", "никогда не сочиняю ответ")]
    [InlineData("пока", "До свидания")]
    public async Task Russian_small_talk_gets_the_bots_own_russian_reply(string message, string expected)
    {
        await NewFlow()
            .Send(message)
            .AssertReply(reply => Assert.Contains(expected, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Empty(_search.Questions);
    }

    [Fact]
    public async Task An_out_of_scope_russian_question_naming_a_country_says_in_russian_that_it_is_not_answered()
    {
        await NewFlow()
            .Send("какая погода в алматы")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains("Мои источники не отвечают на это про Казахстан", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_client_with_a_russian_locale_is_welcomed_in_russian()
    {
        var adapter = new TestAdapter();
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Locale = "ru-RU",
            MembersAdded = [new ChannelAccount("user-7", "Айгерим")],
        };

        await new TestFlow(adapter, NewBot())
            .Send(update)
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.StartsWith("Добро пожаловать, Айгерим!", message.Text, StringComparison.Ordinal);
                Assert.Contains("Признаёт ли Казахстан талибов?", message.SuggestedActions.Actions.Select(a => (string)a.Value));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_typed_russian_rating_rates_the_last_answer_and_is_thanked_in_russian()
    {
        await NewFlow()
            .Send("что сказал рахмон")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Contains(EnglishNote, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("не помогло")
            .AssertReply(reply => Assert.StartsWith("Спасибо, что сообщили", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    public void Dispose() => _feedbackFolder.Dispose();

    private TestFlow NewFlow() => new(new TestAdapter(), NewBot());

    private Microsoft.Bot.Builder.ActivityHandler NewBot() =>
        TestBots.Handler(_search, new JsonLinesFeedbackLog(Path.Combine(_feedbackFolder.Path, "feedback.jsonl")));
}
