using RegionBot.Knowledge.Languages;

namespace RegionBot.Tests.Languages;

/// <summary>Which language each message is in, as users write them: whole sentences, chat fragments, mixed scripts.</summary>
public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Признаёт ли Казахстан талибов?")]
    [InlineData("что сказал мирзиеев про талибов")]
    [InlineData("а Таджикистан?")]
    [InlineData("что ещё он сказал?")]
    [InlineData("Казахстан")]
    [InlineData("Токаев")]
    [InlineData("привет")]
    [InlineData("что сказал Tokayev про Taliban")]
    [InlineData("Tokayev что заявил?")]
    [InlineData("какая погода в алматы")]
    [InlineData("ПРИЗНАЕТ ЛИ УЗБЕКИСТАН ТАЛИБАН")]
    [InlineData("kazahstan priznaet talibov?")] // Russian typed in Latin letters
    [InlineData("chto skazal tokaev pro talibov")]
    [InlineData("zachem uzbekistan podderzhivaet svyaz s talibami")]
    public void Russian_is_read_from_the_text(string text) =>
        Assert.Equal(Language.Russian, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Does Kazakhstan recognise the Taliban?")]
    [InlineData("what did tokayev say")]
    [InlineData("What did Токаев say about the Taliban?")]
    [InlineData("help")]
    [InlineData("What did Türkiye say?")]
    [InlineData("Who is Abdul Ghani Baradar?")]
    [InlineData("Kazakhstan Tokayev Taliban")]
    [InlineData("is tashkent talking to kabul")]
    public void English_is_read_from_the_text(string text) =>
        Assert.Equal(Language.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Қазақстан талибтерді мойындай ма?")] // Kazakh
    [InlineData("Кыргызстан талибдерди тааныйбы?")] // Kyrgyz, in letters Russian also uses
    [InlineData("Тоҷикистон Толибонро эътироф мекунад?")] // Tajik
    [InlineData("Ўзбекистон толибонни тан оладими?")] // Uzbek in Cyrillic
    [InlineData("O'zbekiston Tolibonni tan oladimi?")] // Uzbek in Latin
    [InlineData("Türkmenistan Talyban hökümetini ykrar edýärmi?")] // Turkmen
    [InlineData("哈萨克斯坦承认塔利班吗？")] // Chinese
    [InlineData("آیا قزاقستان طالبان را به رسمیت می شناسد؟")] // Persian
    public void Other_languages_of_the_region_are_recognised_as_unsupported(string text) =>
        Assert.Equal(Language.Unsupported, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Tokayev")]
    [InlineData("2021")]
    [InlineData("👍")]
    [InlineData("")]
    public void Text_that_names_no_language_follows_the_conversation_then_the_locale(string text)
    {
        Assert.Equal(Language.English, LanguageDetector.Detect(text));
        Assert.Equal(Language.Russian, LanguageDetector.Detect(text, "ru-RU"));
        Assert.Equal(Language.Russian, LanguageDetector.Detect(text, "en-US", Language.Russian));
        Assert.Equal(Language.English, LanguageDetector.Detect(text, "ru-RU", Language.English));
    }

    [Fact]
    public void The_locale_does_not_override_what_the_text_says()
    {
        Assert.Equal(Language.English, LanguageDetector.Detect("Does Kazakhstan recognise the Taliban?", "ru-RU", Language.Russian));
        Assert.Equal(Language.Russian, LanguageDetector.Detect("Признаёт ли Казахстан талибов?", "en-US", Language.English));
    }

    [Fact]
    public void A_conversation_may_switch_languages_message_by_message()
    {
        var messages = new (string Text, Language Expected)[]
        {
            ("Does Kazakhstan recognise the Taliban?", Language.English),
            ("а Таджикистан?", Language.Russian),
            ("Tokayev", Language.Russian),
            ("What about Uzbekistan?", Language.English),
            ("Mirziyoyev", Language.English),
            ("что ещё он сказал?", Language.Russian),
        };

        Language? previous = null;
        foreach (var (text, expected) in messages)
        {
            var language = LanguageDetector.Detect(text, "en-US", previous);
            Assert.Equal(expected, language);
            previous = language;
        }
    }

    [Fact]
    public void Long_and_hostile_text_is_detected_without_failing()
    {
        Assert.Equal(Language.Russian, LanguageDetector.Detect(string.Concat(Enumerable.Repeat("признает ли казахстан талибов ", 5_000))));
        Assert.Equal(Language.English, LanguageDetector.Detect("\u0000\uD800\u202E<script>"));
    }
}
