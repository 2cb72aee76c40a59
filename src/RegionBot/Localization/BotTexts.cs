using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RegionBot.Localization;

/// <summary>
/// The bot's own words, kept in BotTexts.resx (English) and BotTexts.ru.resx (Russian) and read through
/// <see cref="IStringLocalizer"/> in the culture of the turn (<see cref="ReplyLanguage"/>): the reply formatting is
/// static, so it reads one localizer shared by all turns rather than one injected per call.
/// </summary>
public static class BotTexts
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(BotTexts));

    /// <summary>The text named <paramref name="name"/> in the current UI culture, with its placeholders filled.</summary>
    public static string Get(string name, params object[] arguments) =>
        arguments.Length == 0 ? Localizer[name].Value : Localizer[name, arguments].Value;

    /// <summary>A country's (or actor's) name in the current UI culture; a name without a translation as it is.</summary>
    public static string Country(string name)
    {
        var localized = Localizer["Country." + name];
        return localized.ResourceNotFound ? name : localized.Value;
    }

    /// <summary>The countries' names in the current UI culture.</summary>
    public static IReadOnlyList<string> Countries(IEnumerable<string> names) => names.Select(Country).ToArray();

    /// <summary>
    /// A count with its noun: "1 source", "28 passages"; in Russian "1 источник", "3 источника", "28 фрагментов", by
    /// the Russian rule for one, few and many.
    /// </summary>
    public static string Count(int count, string noun)
    {
        var (lastDigit, lastTwo) = (count % 10, count % 100);
        var form = ReplyLanguage.Current != Knowledge.Languages.Language.Russian ? (count == 1 ? "One" : "Many")
            : lastDigit == 1 && lastTwo != 11 ? "One"
            : lastDigit is 2 or 3 or 4 && lastTwo is not (12 or 13 or 14) ? "Few"
            : "Many";
        return count.ToString(CultureInfo.InvariantCulture) + " " + Get($"Count.{noun}.{form}");
    }
}
