using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Search;

/// <summary>
/// Questions that ask for something a passage must give (a number, a date, an amount of money, the holder of an
/// office, what a named person said, a place, a model, a thing's name), searched with the real index and model over the shipped knowledge: the passage that gives it answers,
/// a passage that only shares the question's words does not.
/// </summary>
public sealed class AskedFactTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Who is the Taliban's foreign minister?")]
    [InlineData("Who is Afghanistan's president?")]
    [InlineData("On what exact date did the last US troops leave Afghanistan?")]
    [InlineData("In which year did Uzbekistan shoot down the Afghan plane?")]
    [InlineData("What is the exchange rate of the afghani to the dollar?")]
    [InlineData("What is the population of Tajikistan?")]
    [InlineData("How many soldiers does Kazakhstan have in its army?")]
    [InlineData("How many soldiers took part in the Kaysar-2021 exercises?")]
    [InlineData("Какой военный бюджет у Узбекистана?")]
    [InlineData("Какого числа США вывели войска из Афганистана?")]
    [InlineData("How old is Tokayev?")]
    [InlineData("What happened to Ashraf Ghani after he fled?")]
    [InlineData("What were the names of the two pilots rescued in Uzbekistan?")]
    [InlineData("Как звали пилотов сбитого самолёта?")]
    [InlineData("Who heads the Uzbek Defence Ministry?")]
    [InlineData("Who chaired the CSTO online session on 25 August?")]
    [InlineData("Who is the foreign minister of Turkmenistan?")]
    [InlineData("Has Kazakhstan recognised the Taliban since then, say in 2024?")]
    [InlineData("What did Qureshi tell Rahmon in their meeting?")]
    [InlineData("how did the pakistani minister respond to rahmon")]
    [InlineData("что куреши ответил рахмону")]
    [InlineData("What did Putin say about the Taliban when he met Tokayev?")]
    [InlineData("Where did Tokayev and Putin meet?")]
    [InlineData("где проходила встреча Рахмона с Куреши")]
    [InlineData("В каком городе встречались Токаев и Путин?")]
    [InlineData("What type of aircraft did the Uzbeks shoot down?")]
    [InlineData("какой модели был самолет который сбили узбеки")]
    [InlineData("What is the name of the Tajik border crossing the Taliban seized?")]
    [InlineData("Which country chaired the CSTO meeting on Aug 25?")]
    [InlineData("What did Shah Mahmood Qureshi say back to Rahmon?")]
    [InlineData("what did pakistan's FM qureshi say back to rahmon?")]
    [InlineData("how did the taliban answer rahmon")]
    [InlineData("как ответили талибы таджикистану на требования")]
    [InlineData("who is the current prime minister of pakistan")]
    [InlineData("did the taliban set up a broad government in the end")]
    [InlineData("how did the taliban react to tajikistan refusing to recognise them")]
    [InlineData("какой сейчас день недели")]
    [InlineData("did the taliban end up setting up an inclusive administration?")]
    [InlineData("how big is kazakhstan's defence budget this year")]
    [InlineData("what did the csto members decide on august 25")]
    [InlineData("how did the taliban react to tashkent shooting down the plane")]
    [InlineData("Who won the Kazakhstan Premier League in 2021?")]
    [InlineData("Exactly how many Afghan aircraft ended up in Uzbekistan?")]
    [InlineData("Which river does the Friendship Bridge cross?")]
    [InlineData("What is the Taliban?")]
    [InlineData("россия признала талибов?")]
    [InlineData("Which crossing on the Tajik border did the Taliban take over?")]
    [InlineData("Do I need a visa to visit Uzbekistan from the UK?")]
    [InlineData("какие группировки кроме игил и аль-каиды имел в виду казакбаев")]
    [InlineData("казахстан потом всё таки признал талибов?")]
    [InlineData("Has Kyrgyzstan closed its embassy in Kabul?")]
    [InlineData("what's the weather in almaty tomorrow")]
    [InlineData("Did the Afghan pilots or soldiers return home?")]
    [InlineData("what were the names of the two rescued pilots")]
    [InlineData("Did the CSTO agree to deploy troops at the August 25 session?")]
    [InlineData("how much cargo crosses at serhetabat-torghundi each day")]
    [InlineData("who is the current US secretary of state")]
    [InlineData("which other terror groups besides daesh and al qaeda did kazakbaev have in mind")]
    [InlineData("Where in Uzbekistan was the Afghan plane shot down?")]
    [InlineData("когда советские войска вошли в афганистан")]
    [InlineData("What languages do people speak in Afghanistan?")]
    [InlineData("When was the Russia-Tajikistan border post agreement actually signed?")]
    [InlineData("Where did Uzbekistan's first talks with the Taliban take place?")]
    [InlineData("is it safe to travel to samarkand now")]
    [InlineData("has russia officially recognised the taliban")]
    [InlineData("какие именно другие террористические группы назвал казакбаев")]
    [InlineData("какой тип самолета сбили узбеки")]
    [InlineData("вернули афганских военных из узбекистана обратно или нет")]
    [InlineData("Did the Taliban eventually form the inclusive government Tajikistan asked for?")]
    [InlineData("what's the best time of year for a trip to bukhara")]
    [InlineData("has baradar ever met mirziyoyev in person")]
    [InlineData("tell me about the casa-1000 electricity line")]
    [InlineData("did the taliban keep their promise to keep foreign diplomats safe")]
    [InlineData("Where did Kazakbaev say that about sleeper cells?")]
    [InlineData("how many active-duty troops does kazakhstan have")]
    [InlineData("где киргизский министр говорил о спящих ячейках")]
    [InlineData("сдержали ли талибы обещание не трогать посольства")]
    [InlineData("How did the Taliban reply to Rahmon's accusations?")]
    [InlineData("what did the taliban say in response to tajikistan's refusal to recognise them")]
    [InlineData("did the uzbeks give the afghan planes back to the taliban")]
    [InlineData("узбекистан закрыл границу с афганистаном?")]
    [InlineData("what was the date of the rahmon qureshi meeting")]
    [InlineData("did the kyrgyz close their embassy in kabul")]
    [InlineData("How long is Turkmenistan's border with Afghanistan?")]
    [InlineData("What aircraft exactly did the Uzbek air defence shoot down?")]
    [InlineData("какой именно самолёт был сбит над Узбекистаном")]
    [InlineData("какие решения приняли на заседании одкб")]
    [InlineData("как талибы ответили на обвинения рахмона")]
    [InlineData("have the taliban been keeping their promises to foreign missions")]
    [InlineData("which number does the UN statement Kazakhstan backs have")]
    public void A_passage_lacking_what_the_question_asks_for_is_no_answer(string question)
    {
        var answer = fixture.Store.Search(question);

        Assert.False(answer.HasAnswer, $"answered with {string.Join(", ", answer.Hits.Select(h => h.Passage.Id))}");
    }

    [Theory]
    [InlineData("Who is the leader of the Taliban?", "trt-uz-4")]
    [InlineData("What did Russia's deputy foreign minister announce?", "trt-tj-3")]
    [InlineData("On what date did the CSTO hold its online session?", "trt-kz-2")]
    [InlineData("What is Kazakhstan's defence budget?", "trt-kz-1")]
    [InlineData("How much does Kazakhstan spend on defence?", "trt-kz-1")]
    [InlineData("What did Baradar promise Uzbekistan?", "trt-uz-4")]
    [InlineData("What did Tokayev and Putin discuss?", "trt-kz-6")]
    [InlineData("What did Rahmon tell Qureshi?", "trt-tj-2")]
    [InlineData("What did Tokayev raise at the CSTO session?", "trt-kz-3")]
    [InlineData("О чем говорил Токаев на заседании ОДКБ?", "trt-kz-3")]
    [InlineData("Where were the Kaysar-2021 exercises held?", "trt-kz-5")]
    [InlineData("What is the bridge Uzbekistan opened called?", "trt-uz-5")]
    [InlineData("как называется мост который открыл узбекистан", "trt-uz-5")]
    [InlineData("Can you give me Tokayev's exact words about the security forces being mobilised?", "trt-kz-5")]
    [InlineData("what is astana's no.1 priority regarding afghanistan", "trt-kz-1")]
    [InlineData("How many Afghan aircraft flew to Uzbekistan?", "trt-uz-7")]
    [InlineData("What happened at the Kaysar-2021 exercises?", "trt-kz-5")]
    [InlineData("How many Afghan military personnel fled to Uzbekistan?", "trt-uz-7")]
    [InlineData("How many days after the fall of Kabul did Tokayev speak?", "trt-kz-4")]
    [InlineData("How big is Kazakhstan's defence budget?", "trt-kz-1")]
    [InlineData("When did Tokayev and Putin meet?", "trt-kz-6")]
    [InlineData("What did Mirziyoyev say in Navoi?", "trt-uz-6")]
    [InlineData("Rahmon on the Islamic Emirate", "trt-tj-2")]
    [InlineData("What is the name of the Taliban's leader?", "trt-uz-4")]
    [InlineData("Who leads the Taliban?", "trt-uz-4")]
    [InlineData("кто возглавляет талибов", "trt-uz-4")]
    [InlineData("What is the name of the bridge Uzbekistan opened?", "trt-uz-5")]
    [InlineData("rahmon pro islamskiy emirat", "trt-tj-2")]
    [InlineData("Did Putin meet Tokayev?", "trt-kz-6")]
    [InlineData("Who is Kazakhstan's deputy foreign minister?", "trt-kz-7")]
    [InlineData("What happened at the CSTO session on 25 August?", "trt-kz-2")]
    // Ordinary questions near the rules, which must still be answered.
    [InlineData("ok what did Tokayev say about refugees", "trt-kz-3")]
    [InlineData("What did Uzbekistan make of the Afghan military aircraft that landed there?", "trt-uz-7")]
    [InlineData("Which country hosted the Afghan pilots who fled?", "trt-uz-7")]
    [InlineData("Who did Tokayev meet?", "trt-kz-6")]
    [InlineData("Is Uzbekistan safe from a Taliban attack?", "trt-uz-4")]
    [InlineData("Are the Turkmen-Afghan border checkpoints still open?", "trt-tm-2")]
    [InlineData("serhetabat torgundi working normally?", "trt-tm-2")]
    [InlineData("What did Ashgabat say after Kabul fell?", "trt-tm-1")]
    [InlineData("What terrorist groups besides IS and al-Qaeda does Bishkek warn about?", "trt-kg-1")]
    [InlineData("Which terror groups besides ISIS did Tokayev and Putin name?", "trt-kz-6")]
    [InlineData("What is the goal of the Russia-Tajikistan border deal?", "trt-tj-4")]
    [InlineData("What assurances did Uzbekistan get from the Taliban?", "trt-uz-4")]
    [InlineData("Did Uzbekistan later shoot down an Afghan military plane?", "trt-uz-7")]
    [InlineData("Why does Tashkent keep in touch with the Taliban?", "trt-uz-1")]
    [InlineData("Are the Turkmen border checkpoints still working, or have they been shut?", "trt-tm-2")]
    [InlineData("Why is everyone keeping a close watch on Central Asia?", "trt-overview-1")]
    [InlineData("tokayev speech at the war games near almaty", "trt-kz-5")]
    [InlineData("Is Kazakhstan concerned about illegal migrants coming over from Afghanistan?", "trt-kz-3")]
    [InlineData("сколько примерно афганских самолетов улетело в узбекистан", "trt-uz-7")]
    [InlineData("KZ and RU planning joint military drills?", "trt-kz-6")]
    [InlineData("Will Kazakhstan recognise the Taliban later?", "trt-kz-8")]
    [InlineData("Казахстан всё-таки поддерживает заявление ООН?", "trt-kz-7")]
    [InlineData("tokayev quote kaysar 2021", "trt-kz-5")]
    [InlineData("Where did Mirziyoyev speak about supporting Afghans?", "trt-uz-6")]
    [InlineData("What did the Kazakh president say about refugees?", "trt-kz-3")]
    [InlineData("What did Tajikistan's leader say about the Islamic Emirate?", "trt-tj-2")]
    [InlineData("What did Turkmenistan's foreign ministry say?", "trt-tm-1")]
    [InlineData("What is the point of the Kaysar-2021 exercises?", "trt-kz-5")]
    [InlineData("Apart from the Taliban, which terror groups did Kyrgyzstan name?", "trt-kg-1")]
    [InlineData("Какие гарантии безопасности получил Узбекистан от талибов?", "trt-uz-4")]
    [InlineData("how are afghanistans neighbours in central asia handling the taliban being back in charge", "trt-overview-1")]
    [InlineData("What did the Uzbek Defence Ministry later announce?", "trt-uz-7")]
    [InlineData("Does Kyrgyzstan expect the Taliban will keep their promise to protect embassies?", "trt-kg-4")]
    [InlineData("what was kazakhstan's reaction to the UN security council statement", "trt-kz-7")]
    [InlineData("Did the Taliban keep their promise of an inclusive government, according to Rahmon?", "trt-tj-2")]
    [InlineData("How did Turkmenistan react to the Taliban's return to power?", "trt-tm-1")]
    [InlineData("What did Uzbekistan do in response to the Taliban takeover?", "trt-uz-3")]
    [InlineData("tokayev quote about the security agencies being ready to the max", "trt-kz-5")]
    [InlineData("On which day did the Uzbek government say it would keep talking to the Taliban?", "trt-uz-1")]
    [InlineData("Where was Mirziyoyev when he spoke about helping Afghans?", "trt-uz-6")]
    [InlineData("Where was Tokayev when he told the security forces to be fully mobilised?", "trt-kz-5")]
    [InlineData("are the turkmen border crossings still operating", "trt-tm-2")]
    [InlineData("what prompted Russia to agree on border posts with Tajikistan", "trt-tj-4")]
    [InlineData("does Kazakbaev hope the Taliban will honour their promises on embassies", "trt-kg-4")]
    [InlineData("Надеется ли Киргизия, что талибы сдержат обещание по посольствам?", "trt-kg-4")]
    [InlineData("is Mirziyoyev willing to talk with the Taliban so nothing is fired at Uzbekistan", "trt-uz-4")]
    [InlineData("wat did mirziyoyev say about helping afghans", "trt-uz-6")]
    [InlineData("принимает ли Узбекистан беженцев из Афганистана", "trt-uz-5")]
    [InlineData("is tashkent beefing up the border with afghanistan", "trt-uz-5")]
    [InlineData("when did turkmenistan say something about the taliban", "trt-tm-1")]
    [InlineData("does KZ recognise the taliban government", "trt-kz-8")]
    [InlineData("why do the uzbeks keep talking to the taliban", "trt-uz-1")]
    [InlineData("почему казахстан мобилизует армию", "trt-kz-5")]
    [InlineData("О чём говорили Токаев и Путин при встрече?", "trt-kz-6")]
    [InlineData("where did tokayev say the military must be ready", "trt-kz-5")]
    [InlineData("откуда цитата Мирзиёева о ежедневной связи с талибами", "trt-uz-2")]
    [InlineData("как зовут фактического лидера талибов", "trt-uz-4")]
    public void The_passage_that_gives_it_answers_first(string question, string expected)
    {
        var answer = fixture.Store.Search(question);

        Assert.True(answer.HasAnswer, $"no answer: {answer.NoAnswer}");
        Assert.Equal(expected, answer.Hits[0].Passage.Id);
    }

    [Theory]
    [InlineData("Where did Tokayev and Putin meet?", "Did Tokayev and Putin meet?", "trt-kz-6")]
    [InlineData("What type of aircraft did the Uzbeks shoot down?", "Did the Uzbeks shoot down an Afghan aircraft?", "trt-uz-7")]
    [InlineData("What is the name of the Tajik border crossing the Taliban seized?", "Did the Taliban seize a Tajik border crossing?", "trt-tj-4")]
    [InlineData("Who did Mirziyoyev meet during his Navoi trip?", "What did Mirziyoyev say during his Navoi trip?", "trt-uz-6")]
    [InlineData("What did Qureshi tell Rahmon?", "What did Rahmon tell Qureshi?", "trt-tj-2")]
    [InlineData("Exactly how many Afghan aircraft ended up in Uzbekistan?", "How many Afghan aircraft ended up in Uzbekistan?", "trt-uz-7")]
    [InlineData("Which country chaired the CSTO meeting on Aug 25?", "What happened at the CSTO meeting on Aug 25?", "trt-kz-2")]
    [InlineData("What is the Taliban?", "Tell me about the Taliban", "trt-overview-1")]
    [InlineData("Which other terror groups besides ISIS and al-Qaeda did Kazakbaev name?", "Which terror groups did Kazakbaev warn about?", "trt-kg-1")]
    [InlineData("Did Kazakhstan later recognise the Taliban?", "Does Kazakhstan recognise the Taliban?", "trt-kz-8")]
    [InlineData("Were the Afghan soldiers who fled to Uzbekistan sent back?", "Did Afghan soldiers flee to Uzbekistan?", "trt-uz-7")]
    [InlineData("Did Uzbekistan hand the Afghan aircraft over to the Taliban?", "Did Afghan aircraft fly to Uzbekistan?", "trt-uz-7")]
    [InlineData("What did Qureshi say in reply to Rahmon's accusation?", "What did Rahmon accuse the Taliban of?", "trt-tj-2")]
    [InlineData("Did the Taliban keep their promise to protect foreign embassies?", "Did the Taliban promise to protect foreign embassies?", "trt-kg-4")]
    public void The_detail_asked_for_decides_whether_the_passage_answers(string asking, string plain, string passage)
    {
        // The same passage answers the question without the detail, so the detail it lacks is what makes it no answer.
        var answered = fixture.Store.Search(plain);
        Assert.True(answered.HasAnswer, $"no answer to '{plain}': {answered.NoAnswer}");
        Assert.Equal(passage, answered.Hits[0].Passage.Id);

        var asked = fixture.Store.Search(asking);
        Assert.False(asked.HasAnswer, $"answered '{asking}' with {string.Join(", ", asked.Hits.Select(h => h.Passage.Id))}");
    }

    [Theory]
    [InlineData("Why does Uzbekistan keep talking to the Taliban?")]
    [InlineData("зачем узбекистан поддерживает связь с талибами")]
    public void A_why_question_is_answered_first_by_a_passage_giving_the_reason(string question)
    {
        var answer = fixture.Store.Search(question);

        // "To assure Uzbekistan's security" and "the situation convinced the government to start talks" give reasons;
        // "We are in contact with the Taliban every day" only says that it talks.
        Assert.True(answer.HasAnswer, $"no answer: {answer.NoAnswer}");
        Assert.Contains(answer.Hits[0].Passage.Id, new[] { "trt-uz-1", "trt-uz-3" });
    }

    [Theory]
    [InlineData("Which neighbours are keeping channels open with the Taliban?")]
    [InlineData("who is still in touch with the taliban")]
    [InlineData("кто из соседей держит контакт с талибами")]
    [InlineData("кто из соседей поддерживает контакт с талибами")]
    [InlineData("is uzbekistan still in contact with the taliban")]
    [InlineData("Is Uzbekistan communicating with the Taliban?")]
    public void A_question_about_what_goes_on_is_answered_first_by_a_passage_saying_it_goes_on(string question)
    {
        var answer = fixture.Store.Search(question);

        // "Continuing their long-standing communication", "maintaining regular communication" and "every day" say the
        // talks go on; "communication dates back to two years ago" says when they began.
        Assert.True(answer.HasAnswer, $"no answer: {answer.NoAnswer}");
        Assert.Contains(answer.Hits[0].Passage.Id, new[] { "trt-uz-1", "trt-uz-2", "trt-tm-1" });
    }

    [Theory]
    [InlineData("The Kaysar-2021 exercises were held in Almaty region.", "place name")]
    [InlineData("On August 25, the ministers met online.", "time date figure:25")]
    [InlineData("A defence budget of more than $2.4 billion.", "number time money")]
    [InlineData("Six days after the takeover, he spoke.", "number time")]
    [InlineData("In 2021 hundreds of soldiers fled.", "number time date figure:2021")]
    [InlineData("They may meet again soon.", "")]
    [InlineData("His call came a day after the meeting.", "time")]
    [InlineData("We are in contact with them every day.", "")]
    [InlineData("He said the Taliban's de facto leader Abdul Ghani Baradar gave assurances.", "person named-person")]
    [InlineData("The Uzbek Defence Ministry later announced it.", "later name")]
    [InlineData("The country opened a key border bridge called Friendship Bridge.", "name")]
    [InlineData("Mirziyoyev spoke at a rally in Navoi.", "place")]
    [InlineData("They shot down an Su-25 over Termez.", "model name")]
    [InlineData("Tajik President Emomali Rahmon met Shah Mahmood Qureshi on Wednesday.", "time person named-person")]
    [InlineData("They were in Termez’s outskirts, the ministry’s statement said.", "place")]
    [InlineData("The situation in Afghanistan convinced them.", "")]
    public void What_a_passage_gives_is_read_from_its_text(string text, string facts)
    {
        var source = new Source("s", "Wire", "Title", null, null, "s.md");
        var passage = new Passage("p", source, "Kazakhstan", "Section", PassageKind.Context, null, null, text, 1);

        Assert.Equal(facts, string.Join(' ', PassageSearcher.FactsGiven(passage)));
    }
}
