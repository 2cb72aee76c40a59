using RegionBot.Knowledge.Languages;

namespace RegionBot.Tests.Languages;

/// <summary>The Russian analyzer and the bilingual lexicon: how Russian questions are read as the search's English words.</summary>
public sealed class RussianQuestionReaderTests
{
    private static string Read(string question) => RussianQuestionReader.Default.Read(question) ?? string.Empty;

    private static string[] Words(string question) => Read(question).Split(' ');

    [Theory]
    [InlineData("Казахстан", "казахста")]
    [InlineData("Казахстана", "казахста")]
    [InlineData("талибов", "талиб")]
    [InlineData("талибами", "талиб")]
    [InlineData("признаёт", "призна")]
    [InlineData("признает", "призна")]
    public void The_analyzer_stems_every_case_of_a_word_alike(string word, string stem) =>
        Assert.Equal(stem, RussianStemAnalyzer.Default.Stem(word));

    [Fact]
    public void The_analyzer_reads_a_text_into_stems()
    {
        Assert.Equal(["призна", "ли", "казахста", "талиб"], RussianStemAnalyzer.Default.Analyze("Признаёт ли Казахстан талибов?"));
    }

    [Theory]
    [InlineData("Казахстан", "Kazakhstan")]
    [InlineData("Казахстана", "Kazakhstan")]
    [InlineData("Казахстану", "Kazakhstan")]
    [InlineData("Казахстаном", "Kazakhstan")]
    [InlineData("Казахстане", "Kazakhstan")]
    [InlineData("казахский", "kazakh")]
    [InlineData("казахского", "kazakh")]
    [InlineData("казахстанцы", "kazakh")]
    [InlineData("Узбекистаном", "Uzbekistan")]
    [InlineData("узбекские", "uzbek")]
    [InlineData("Таджикистане", "Tajikistan")]
    [InlineData("таджикских", "tajik")]
    [InlineData("Кыргызстана", "Kyrgyzstan")]
    [InlineData("Киргизии", "Kyrgyzstan")]
    [InlineData("кыргызской", "kyrgyz")]
    [InlineData("Туркменистаном", "Turkmenistan")]
    [InlineData("Туркмении", "Turkmenistan")]
    [InlineData("туркменские", "turkmen")]
    [InlineData("Астане", "Astana")]
    [InlineData("Нур-Султан", "Astana")]
    [InlineData("Нурсултан", "Astana")]
    [InlineData("Нур-Султане", "Astana")]
    [InlineData("Ташкенте", "Tashkent")]
    [InlineData("Душанбе", "Dushanbe")]
    [InlineData("Бишкеке", "Bishkek")]
    [InlineData("Ашхабада", "Ashgabat")]
    [InlineData("Токаева", "Tokayev")]
    [InlineData("Мирзиёевым", "Mirziyoyev")]
    [InlineData("Мирзиеева", "Mirziyoyev")]
    [InlineData("Рахмону", "Rahmon")]
    [InlineData("Казакбаева", "Kazakbaev")]
    [InlineData("Рахметуллина", "Rakhmetullin")]
    [InlineData("Барадаром", "Baradar")]
    [InlineData("Путиным", "Putin")]
    [InlineData("Руденко", "Rudenko")]
    [InlineData("Куреши", "Qureshi")]
    [InlineData("талибы", "taliban")]
    [InlineData("Талибана", "taliban")]
    [InlineData("Алма-Ате", "Almaty")]
    [InlineData("Касым-Жомарт Токаев", "Kassym-Jomart")]
    [InlineData("«Исламский эмират»", "islamic emirate")]
    [InlineData("Исламского эмирата", "islamic emirate")]
    [InlineData("ИГИЛ", "daesh")]
    [InlineData("ДАИШ", "daesh")]
    [InlineData("ИГ-Хорасан", "is-k")]
    public void Names_are_read_in_every_case(string russian, string english) =>
        Assert.StartsWith(english, Read(russian), StringComparison.Ordinal);

    [Theory]
    [InlineData("талибы выполнят обещания", "taliban will keep their promise")]
    [InlineData("талибы сдержат слово", "taliban will keep their promise")]
    [InlineData("талибы выполнили обещания", "taliban kept their promise")]
    public void A_phrase_written_as_it_must_be_read_comes_before_its_stems(string russian, string english) =>
        Assert.Equal(english, Read(russian));

    [Theory]
    [InlineData("признание", "recognise")]
    [InlineData("правительства", "government")]
    [InlineData("границе", "border")]
    [InlineData("мосту", "bridge")]
    [InlineData("беженцев", "refugees")]
    [InlineData("войска", "troops")]
    [InlineData("учениях", "exercises")]
    [InlineData("терроризма", "terrorism")]
    [InlineData("гуманитарной помощи", "humanitarian aid")]
    [InlineData("посольств", "embassies")]
    [InlineData("воздушное пространство", "airspace")]
    [InlineData("КПП", "checkpoint")]
    [InlineData("сколько времени", "how long")]
    [InlineData("связываются", "contact")]
    [InlineData("в каком качестве", "role")]
    [InlineData("должность", "role")]
    [InlineData("пункты пропуска", "checkpoint")]
    public void The_fields_words_are_read_as_the_searchs_english(string russian, string english) =>
        Assert.Equal(english, Read(russian));

    [Fact]
    public void A_typo_is_forgiven_only_after_the_first_letter()
    {
        // "кайдий" (typed "kajdiy" for "каждый") is one letter from the stem of "Байден" but is no name.
        Assert.DoesNotContain("Biden", Words("мирзиёев кайдий день на связи с талибами"));
        Assert.Contains("Mirziyoyev", Words("Мирзиеев на связи с талибами"));
    }

    [Theory]
    [InlineData("что будет с ТАПИ", "tapi")]
    [InlineData("что сказал Ашраф Гани", "ashraf")]
    [InlineData("что сказал бердымухамедов", "berdymukhamedov")]
    public void A_name_the_lexicon_does_not_know_is_read_in_latin_letters(string russian, string name) =>
        Assert.Contains(name, Words(russian));

    [Theory]
    [InlineData("что такаев сказал про терроризм", "такаев")]
    [InlineData("сколько островов у Казахстана", "островов")]
    public void A_misspelt_known_name_or_a_russian_word_with_a_surnames_ending_is_not_taken_for_a_new_name(string russian, string word) =>
        Assert.Contains(word, Words(russian));

    [Fact]
    public void A_question_keeps_its_shape_so_follow_ups_work()
    {
        Assert.Equal("and Tajikistan", Read("а Таджикистан?"));
        Assert.Equal(["what", "else", "he", "said"], Words("что ещё он сказал?"));
        Assert.StartsWith("what about", Read("а что насчёт Туркменистана?"), StringComparison.Ordinal);
        Assert.Contains("compare", Words("сравни Казахстан и Таджикистан"));
        Assert.Contains("how many", Read("сколько беженцев"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("признает", "признаёт")]
    [InlineData("Мирзиеев", "Мирзиёев")]
    [InlineData("Казахтан", "Казахстан")]
    [InlineData("Узбекистна", "Узбекистана")]
    [InlineData("талибнов", "талибов")]
    [InlineData("Токаевв", "Токаев")]
    [InlineData("беженцвев", "беженцев")]
    public void Yo_spellings_and_single_typos_are_tolerated(string typed, string meant) =>
        Assert.Equal(Read(meant), Read(typed));

    [Theory]
    [InlineData("грузы проходят через границу", "takeover")]
    [InlineData("что стоит за этим", "built")]
    [InlineData("он снова говорит", "stated")]
    [InlineData("как это видит Ташкент", "visit")]
    public void A_real_word_is_not_taken_for_a_typo_of_another(string question, string misreading) =>
        Assert.DoesNotContain(misreading, Words(question));

    [Theory]
    [InlineData("правителство", "government")]
    [InlineData("безопастности", "security")]
    [InlineData("охрану границы", "security")]
    public void A_slip_or_another_form_of_a_known_word_is_still_read(string question, string english) =>
        Assert.Contains(english, Words(question));

    [Fact]
    public void Latin_words_and_numbers_are_kept_as_written()
    {
        Assert.Equal(["what", "said", "Tokayev", "about", "Taliban"], Words("что сказал Tokayev про Taliban"));
        Assert.Contains("25", Words("что было 25 августа"));
    }

    [Fact]
    public void Unknown_words_are_kept_and_an_unknown_name_is_transliterated()
    {
        Assert.Contains("пирога", Words("рецепт вкусного пирога"));
        Assert.Contains("zhaparov", Words("что сказал Жапаров о талибах"));
    }

    [Fact]
    public void A_pasted_wall_of_text_is_read_only_as_far_as_the_search_reads()
    {
        var wall = string.Concat(Enumerable.Repeat("признает ли казахстан талибов \uD800 ", 20_000));

        Assert.InRange(Words(wall).Length, 1, 1_000);
    }

    [Fact]
    public void Text_without_cyrillic_is_not_read()
    {
        Assert.Null(RussianQuestionReader.Default.Read("Does Kazakhstan recognise the Taliban?"));
        Assert.Null(RussianQuestionReader.Default.Read(string.Empty));
    }

    [Fact]
    public void Every_lexicon_entry_reads_as_words_the_english_search_can_use()
    {
        Assert.True(RussianLexicon.Default.Count > 500);
        Assert.Equal("Kazakhstan", Read("Казахстан"));
        Assert.Empty(Read("ли же бы"));
    }

    [Theory]
    [InlineData("priznaet", "признает")]
    [InlineData("zhenshchin", "женщин")]
    [InlineData("kakoy", "какой")]
    [InlineData("vyvod", "вывод")]
    [InlineData("svyaz'", "связь")]
    [InlineData("podderzhivaet", "поддерживает")]
    [InlineData("khorosho", "хорошо")]
    [InlineData("emirat", "эмират")]
    [InlineData("eto", "это")]
    [InlineData("esli", "если")]
    [InlineData("kazhdyi", "каждый")]
    [InlineData("takoi", "такой")]
    [InlineData("novyi", "новый")]
    [InlineData("etoi", "этой")]
    public void Russian_typed_in_Latin_letters_is_read_back_into_Cyrillic(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, RussianTranslit.ToCyrillic(latin));

    [Theory]
    [InlineData("kazahstan priznaet talibov?", "recognis")]
    [InlineData("zachem uzbekistan podderzhivaet svyaz s talibami", "Uzbekistan")]
    [InlineData("skolko let uzbekistan obshaetsya s talibami", "communicat")]
    [InlineData("tokaev i putin vstrechayutsya kazhdyi den?", "every day")]
    [InlineData("kazakbaev pro diplomaticheskie missii", "embass")]
    public void A_question_typed_in_Latin_letters_is_read_like_its_Cyrillic(string question, string expected) =>
        Assert.Contains(expected, Read(question), StringComparison.Ordinal);

    [Theory]
    [InlineData("Does Kazakhstan recognise the Taliban?")]
    [InlineData("Tokayev Putin")]
    [InlineData("O'zbekiston Tolibon bilan qanday aloqa qilyapti?")]
    public void English_and_other_languages_in_Latin_letters_are_not_read_as_Russian(string question) =>
        Assert.Null(RussianQuestionReader.Default.Read(question));
}
