using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>Searches the real Lucene index over the shipped knowledge, the way users word their questions.</summary>
public sealed class PassageSearchTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private SearchAnswer Ask(string question) => fixture.Store.Search(question);

    [Fact]
    public void Answers_carry_their_attribution()
    {
        var answer = Ask("Does Kazakhstan recognise the Taliban?");

        var best = answer.Hits[0].Passage;
        Assert.Equal("trt-kz-8", best.Id);
        Assert.Equal("TRT World", best.Source.Publisher);
        Assert.Equal("Kazakhstan: military mobilisation", best.Section);
        Assert.Equal("Akan Rakhmetullin", best.Speaker);
        Assert.InRange(answer.Hits.Count, 1, 3);
    }

    [Theory]
    [InlineData("What is the Kazakh position on the Taliban?", "Kazakhstan")]
    [InlineData("How did Kazakhstani officials react?", "Kazakhstan")]
    [InlineData("What does Astana say about Afghanistan?", "Kazakhstan")]
    [InlineData("What does Nur-Sultan want from the Taliban?", "Kazakhstan")]
    [InlineData("What did Tokayev ask the army to do?", "Kazakhstan")]
    [InlineData("Rakhmetullin on the UN statement", "Kazakhstan")]
    [InlineData("Do Uzbek officials talk to the Taliban?", "Uzbekistan")]
    [InlineData("What is Tashkent doing about refugees?", "Uzbekistan")]
    [InlineData("What did Mirziyoyev promise the Afghan people?", "Uzbekistan")]
    [InlineData("What does Dushanbe think of the Taliban?", "Tajikistan")]
    [InlineData("Tajik demands for an inclusive government", "Tajikistan")]
    [InlineData("What is Rahmon's condition for recognition?", "Tajikistan")]
    [InlineData("What worries Bishkek?", "Kyrgyzstan")]
    [InlineData("What did the Kyrgyz foreign minister warn about?", "Kyrgyzstan")]
    [InlineData("Kyrgyzstani view of terrorist groups", "Kyrgyzstan")]
    [InlineData("What did Kazakbaev say about the Taliban's promises?", "Kyrgyzstan")]
    [InlineData("What did Kazakbayev recall?", "Kyrgyzstan")]
    [InlineData("Is Ashgabat still trading with Afghanistan?", "Turkmenistan")]
    [InlineData("What did the Turkmen foreign ministry announce?", "Turkmenistan")]
    public void Names_demonyms_capitals_and_people_point_to_their_country(string question, string country)
    {
        var answer = Ask(question);

        Assert.True(answer.HasAnswer, $"no answer ({answer.NoAnswer})");
        Assert.Contains(country, answer.DetectedCountries);
        Assert.All(answer.Hits, h => Assert.Equal(country, h.Passage.Country));
    }

    [Theory]
    [InlineData("Does Kazakhstan recognize the Taliban?", "Does Kazakhstan recognise the Taliban?")]
    [InlineData("What is Kazakhstan's defense budget?", "What is Kazakhstan's defence budget?")]
    [InlineData("Did Kazakhstan mobilize its forces?", "Did Kazakhstan mobilise its forces?")]
    [InlineData("Which security organization met online?", "Which security organisation met online?")]
    [InlineData("What did Uzbekistan's neighbors do?", "What did Uzbekistan's neighbours do?")]
    public void American_and_British_spellings_find_the_same_passages(string american, string british)
    {
        Assert.Equal(Ids(Ask(british)), Ids(Ask(american)));
        Assert.True(Ask(american).HasAnswer);
    }

    [Theory]
    [InlineData("What did Kazakhstan say about ISIS?", "trt-kz-6")]
    [InlineData("Is IS-K a threat to Kazakhstan?", "trt-kz-6")]
    [InlineData("What did Kazakhstan say about ISKP?", "trt-kz-6")]
    [InlineData("Which terror groups besides Daesh worry Kyrgyzstan?", "trt-kg-1")]
    [InlineData("Is the Islamic Emirate being set up, according to Tajikistan?", "trt-tj-2")]
    [InlineData("What did Turkmenistan do after the fall of Kabul?", "trt-tm-1")]
    [InlineData("How did Tokayev react to the takeover?", "trt-kz-4")]
    [InlineData("rakhmetullin speech", "trt-kz-7")]
    [InlineData("in what capacity did kazakbaev speak", "trt-kg-1")]
    [InlineData("what is kazakbaev's job", "trt-kg-1")]
    public void Field_synonyms_find_the_passage(string question, string expected)
    {
        Assert.Contains(expected, Ids(Ask(question)));
    }

    [Theory]
    [InlineData("does the kz deputy foreign minister back de jure recognition", "trt-kz-8")]
    [InlineData("apart from isis and al qaeda, should we be concerned about other terror groups", "trt-kg-1")]
    [InlineData("what are afghanistan's nearest neighbours weighing as their next steps", "trt-overview-1")]
    [InlineData("is kazakhstan worried about spillover", "trt-kz-3")]
    [InlineData("which leader talked about mobilising the troops", "trt-kz-5")]
    [InlineData("what orgs did kazakbaev warn about", "trt-kg-1")]
    [InlineData("did the kazakh president and the kremlin chief talk about buying weapons", "trt-kz-6")]
    [InlineData("does tokayev think afghanistan is risky for his country", "trt-kz-4")]
    [InlineData("is TM keeping in touch with the taliban", "trt-tm-1")]
    [InlineData("who hopes the taliban keep their promises to embassies", "trt-kg-4")]
    [InlineData("was the august 25 security session in person or online?", "trt-kz-2")]
    [InlineData("how many servicemen fled to uzbekistan", "trt-uz-7")]
    [InlineData("did both pilots survive the shootdown", "trt-uz-7")]
    [InlineData("on what day did uzbekistan confirm its talks with the taliban", "trt-uz-1")]
    [InlineData("кто из лидеров говорил, что ежедневно на связи с талибами", "trt-uz-2")]
    [InlineData("кто опять пришёл к власти в Кабуле", "trt-overview-1")]
    [InlineData("Токаев говорил, что обстановка в Афгане создаёт риски для Казахстана?", "trt-kz-4")]
    [InlineData("кто из казахского МИДа говорил о признании талибов", "trt-kz-8")]
    [InlineData("на что нацелено соглашение России и Таджикистана", "trt-tj-4")]
    [InlineData("что Казахстан назвал своей главной задачей", "trt-kz-1")]
    [InlineData("какой народ Рахмон упоминал", "trt-tj-1")]
    [InlineData("почему все смотрят на центр азию", "trt-overview-1")]
    [InlineData("дата захвата кабула", "trt-tm-1")]
    [InlineData("какую национальность особо упомянул рахмон", "trt-tj-1")]
    [InlineData("в какой день руз подтвердил связь с талибами", "trt-uz-1")]
    [InlineData("кто такой акан рахметулин", "trt-kz-7")]
    [InlineData("чего совбез ООН хочет от нового правительства в кабуле", "trt-kz-7")]
    [InlineData("what were the drills called at which tokayev gave his speech", "trt-kz-5")]
    [InlineData("did uzbekistan open the border to send aid", "trt-uz-5")]
    [InlineData("можно ли сейчас отправить грузы в афганистан через туркменскую границу", "trt-tm-2")]
    [InlineData("where in the story does daesh come up", "trt-kz-6")]
    [InlineData("does the author call the region's situation out of the ordinary", "trt-overview-3")]
    [InlineData("is tokayev saying afghanistan poses risks for kazakhstan", "trt-kz-4")]
    [InlineData("what's the name of pakistan's foreign minister mentioned here", "trt-tj-2")]
    [InlineData("сколько уже ташкент общается с талибами", "trt-uz-3")]
    [InlineData("what were tokayev's key points on afghanistan", "trt-kz-3")]
    [InlineData("как зовут главу мида кыргызстана", "trt-kg-1")]
    [InlineData("kto ministr inostrannyh del kyrgyzstana", "trt-kg-1")]
    [InlineData("is the turkmen border with afghanistan shut?", "trt-tm-2")]
    [InlineData("граница туркменистана с афганистаном сейчас закрыта?", "trt-tm-2")]
    [InlineData("why does tashkent remain in contact with the taliban", "trt-uz-1")]
    [InlineData("was the august 25 csto meeting online or face to face", "trt-kz-2")]
    [InlineData("какой главный упор в российско-таджикском соглашении", "trt-tj-4")]
    [InlineData("на чем сосредоточено российско-таджикское соглашение", "trt-tj-4")]
    [InlineData("на чем делал акцент казахский президент говоря про афганистан", "trt-kz-3")]
    [InlineData("which taliban figure gave guarantees to tashkent", "trt-uz-4")]
    [InlineData("ахан рахметуллин кто это", "trt-kz-7")]
    [InlineData("when did turkmenistan's foreign ministry release its statement, according to the article", "trt-tm-1")]
    [InlineData("what prompted the kremlin when it decided to fund tajik border posts", "trt-tj-4")]
    public void Analysts_and_everyday_words_in_english_and_russian_find_the_passage_first(string question, string expected)
    {
        Assert.Equal(expected, Ids(Ask(question)).FirstOrDefault());
    }

    [Theory]
    [InlineData("Does Kazakstan recognise the Taliban?", "Does Kazakhstan recognise the Taliban?")]
    [InlineData("How is Turkmenistn dealing with the Taliban?", "How is Turkmenistan dealing with the Taliban?")]
    [InlineData("Does Uzbekistan talk to the Talibn?", "Does Uzbekistan talk to the Taliban?")]
    [InlineData("What did Mirziyoev say about aid?", "What did Mirziyoyev say about aid?")]
    [InlineData("Will Tajikistan recgonise an Afghan government?", "Will Tajikistan recognise an Afghan government?")]
    [InlineData("what did kazakbeav warn about", "what did kazakbaev warn about")]
    [InlineData("waht did Rahmon say about the Taliban?", "What did Rahmon say about the Taliban?")]
    [InlineData("what did rahmns government say about the taliban", "what did Rahmon's government say about the taliban")]
    [InlineData("what did kazakhstan say abt security threats", "what did kazakhstan say about security threats")]
    public void Typos_in_names_and_key_words_are_forgiven(string misspelt, string correct)
    {
        var answer = Ask(misspelt);

        Assert.True(answer.HasAnswer);
        Assert.Equal(Ids(Ask(correct)), Ids(answer));
    }

    [Theory]
    [InlineData("What did the short report say about Kazakhstan's budget?", "trt-kz-1")]
    [InlineData("Did Uzbekistan's president make a trip to Navoi?", "trt-uz-6")]
    public void Real_words_are_not_taken_for_typos_of_the_knowledges_words(string question, string expected)
    {
        Assert.Equal(expected, Ids(Ask(question))[0]);
    }

    [Theory]
    [InlineData("What is Mongolia's position on the Taliban?")]
    [InlineData("How did Iran respond to the fall of Kabul?")]
    [InlineData("What is China doing in Afghanistan?")]
    [InlineData("What is Pakistan's own Afghan policy?")]
    [InlineData("Will India recognise the Taliban?")]
    public void Questions_about_actors_outside_the_knowledge_get_no_answer(string question)
    {
        var answer = Ask(question);

        Assert.False(answer.HasAnswer);
        Assert.Equal(NoAnswerReason.NotCovered, answer.NoAnswer);
        Assert.Equal(5, answer.CoveredCountries.Count);
    }

    [Theory]
    [InlineData("What's the weather like in Almaty tomorrow?")]
    [InlineData("Who won the football match in Tashkent?")]
    [InlineData("Give me a recipe for plov")]
    [InlineData("What is the price of bitcoin?")]
    [InlineData("What is Kyrgyzstan's defence budget?")]
    [InlineData("How many refugees did Tajikistan take in?")]
    [InlineData("Who founded the Taliban?")]
    [InlineData("schedule a teams call with the director at 4pm")]
    [InlineData("Was the UN Security Council statement adopted unanimously?")]
    [InlineData("Did the CSTO agree to send troops to Tajikistan?")]
    [InlineData("какое оружие конкретно закупит Казахстан у России")]
    [InlineData("что бердымухамедов говорил про падение кабула")]
    [InlineData("did the kyrgyz evacuate their diplomats from kabul")]
    [InlineData("has uzbekistan actually sent aid to afghanistan")]
    [InlineData("can you recap yesterday's team meeting")]
    [InlineData("explain how a blockchain network works")]
    [InlineData("who wrote the article and when was it published")]
    [InlineData("write me a poem about friday prayers in kabul")]
    [InlineData("напиши стих про пятницу в ташкенте")]
    [InlineData("what are the names of the two shot-down afghan pilots")]
    [InlineData("where exactly in tajikistan will the new border posts stand")]
    [InlineData("как ответили талибы на заявление рахмона")]
    [InlineData("what volume of trade goes through the turkmen crossings")]
    [InlineData("кто президент бразилии и что он думает о талибах")]
    [InlineData("кто основал талибан")]
    [InlineData("что будет с газопроводом ТАПИ после прихода талибов")]
    [InlineData("мирзиёев лично встречался с барадаром?")]
    [InlineData("did kazakhstan send any aid to kabul")]
    [InlineData("what model were the afghan military jets that fled to uzbekistan")]
    [InlineData("when was this piece published")]
    [InlineData("когда опубликовали эту статью")]
    [InlineData("когда опубликована статья о центральной азии")]
    [InlineData("what did the csto members decide to do")]
    [InlineData("сколько лет шавкату мирзиёеву")]
    public void Questions_the_knowledge_does_not_answer_get_no_answer(string question)
    {
        var answer = Ask(question);

        Assert.False(answer.HasAnswer, $"answered with {string.Join(", ", Ids(answer))}");
    }

    [Theory]
    [InlineData("Give me an overview")]
    [InlineData("quick overview pls - how is the region coping with such an unusual situation")]
    [InlineData("о чем вообще статья")]
    [InlineData("kratko: o chem statya?")]
    [InlineData("Taliban")]
    [InlineData("Tell me about the Taliban")]
    [InlineData("What is happening in Afghanistan?")]
    [InlineData("can u sum up this piece in a sentence or two")]
    [InlineData("есть разбор по каждой стране отдельно?")]
    [InlineData("which part of the world is the story about?")]
    [InlineData("is this a region-wide roundup?")]
    [InlineData("это обзор региона или тока одной страны?")]
    [InlineData("is the piece about the whole region?")]
    [InlineData("what's the article about, in short")]
    [InlineData("does the story take the countries one at a time?")]
    [InlineData("в статье разбирают страны по отдельности?")]
    [InlineData("какой общий обзор в начале статьи")]
    public void A_request_for_the_big_picture_gets_the_overview(string question)
    {
        var answer = Ask(question);

        Assert.True(answer.HasAnswer, $"no answer: {answer.NoAnswer}");
        Assert.All(answer.Hits, hit => Assert.Equal("Region", hit.Passage.Country));
    }

    [Theory]
    [InlineData("does the article go through the region country by country?")]
    [InlineData("Is there a country-by-country breakdown of the region?")]
    public void The_overview_passage_the_question_describes_comes_first(string question)
    {
        Assert.Equal("trt-overview-3", Ids(Ask(question)).FirstOrDefault());
    }

    [Theory]
    [InlineData("Give me an overview of the weather in Central Asia")]
    [InlineData("Summarise Mongolia's position")]
    public void An_overview_of_something_the_knowledge_does_not_cover_is_no_answer(string question)
    {
        Assert.False(Ask(question).HasAnswer);
    }

    [Fact]
    public void A_weak_match_is_not_passed_off_as_an_answer_when_the_threshold_is_strict()
    {
        using var strict = RegionBot.Knowledge.KnowledgeStore.Open(RepositoryRoot.Knowledge, new SearchOptions { MinConfidence = 0.99 });

        var lenient = Ask("What did Uzbekistan do about refugees and football?");
        var answer = strict.Search("What did Uzbekistan do about refugees and football?");

        Assert.True(lenient.HasAnswer || lenient.NoAnswer == NoAnswerReason.WeakMatch);
        Assert.False(answer.HasAnswer);
        Assert.Equal(NoAnswerReason.WeakMatch, answer.NoAnswer);
    }

    [Fact]
    public void The_configured_number_of_passages_is_the_most_an_answer_holds()
    {
        using var single = RegionBot.Knowledge.KnowledgeStore.Open(RepositoryRoot.Knowledge, new SearchOptions { PassagesPerAnswer = 1 });

        Assert.Single(single.Search("What did Tokayev say?").Hits);
        Assert.Equal(3, Ask("What did Tokayev say?").Hits.Count);
    }

    public static TheoryData<string> HostileInputs() =>
    [
        "", " ", "\t\n\r ", "AND OR NOT", "( [ ~ ^ * ? \\ \" :", "title:Kazakhstan AND (", "Kazakhstan~2^5 \"unclosed",
        "*?*?", "\\", "/regex/", "{!lucene}", "a:b:c", "🇰🇿🇺🇿 🙂", "Казахстан признает талибов?", "קזחסטן", "كازاخستان",
        "\u0000\u0001\u0002 Kazakhstan", "\u202EnatshkazaK", "\uD800 lone surrogate \uDC00", "\uFEFF\u200B\u200D",
        new string('a', 10_000), string.Concat(Enumerable.Repeat("Kazakhstan Taliban ", 600)), new string('(', 5_000),
        string.Concat(Enumerable.Range(0, 3000).Select(i => $"w{i} ")), "-", "''", "NULL", "<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Any_text_gives_results_or_none_never_an_exception(string question)
    {
        var answer = Ask(question);

        Assert.NotNull(answer);
        Assert.True(answer.HasAnswer || answer.NoAnswer is not null);
        Assert.InRange(answer.Hits.Count, 0, 3);
    }

    private static string[] Ids(SearchAnswer answer) => answer.Hits.Select(h => h.Passage.Id).ToArray();
}
