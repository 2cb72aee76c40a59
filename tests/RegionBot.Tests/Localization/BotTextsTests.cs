using System.Text.RegularExpressions;
using System.Xml.Linq;
using RegionBot.Knowledge.Languages;
using RegionBot.Localization;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Localization;

/// <summary>The resource files hold every text in both languages, with the same placeholders.</summary>
public sealed partial class BotTextsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "src", "RegionBot", "Localization");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string)data.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void Every_text_has_a_russian_version_with_the_same_placeholders()
    {
        var english = Read("BotTexts.resx");
        var russian = Read("BotTexts.ru.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), russian.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(russian[name]), $"{name} has no Russian text");
            Assert.Equal(Placeholders(text), Placeholders(russian[name]));
        }
    }

    [Fact]
    public void Texts_are_read_in_the_turns_language()
    {
        Assert.Equal("Kazakhstan", ReplyLanguage.In(Language.English, () => BotTexts.Country("Kazakhstan")));
        Assert.Equal("Казахстан", ReplyLanguage.In(Language.Russian, () => BotTexts.Country("Kazakhstan")));
        Assert.Equal("Mongolia", ReplyLanguage.In(Language.Russian, () => BotTexts.Country("Mongolia")));
        Assert.Equal("А Казахстан?", ReplyLanguage.In(Language.Russian, () => BotTexts.Get("SuggestWhatAbout", BotTexts.Country("Kazakhstan"))));
    }

    [Theory]
    [InlineData(1, "1 источник", "1 source")]
    [InlineData(3, "3 источника", "3 sources")]
    [InlineData(11, "11 источников", "11 sources")]
    [InlineData(21, "21 источник", "21 sources")]
    [InlineData(28, "28 источников", "28 sources")]
    public void Counts_take_the_plural_of_each_language(int count, string russian, string english)
    {
        Assert.Equal(russian, ReplyLanguage.In(Language.Russian, () => BotTexts.Count(count, "Source")));
        Assert.Equal(english, ReplyLanguage.In(Language.English, () => BotTexts.Count(count, "Source")));
    }

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
