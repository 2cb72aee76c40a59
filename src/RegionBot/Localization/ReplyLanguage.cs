using System.Globalization;
using RegionBot.Knowledge.Languages;

namespace RegionBot.Localization;

/// <summary>Which culture the bot's own words are written in for a language, and setting it for a turn.</summary>
public static class ReplyLanguage
{
    public static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    /// <summary>The culture of a language's replies; English for any language the bot does not write.</summary>
    public static CultureInfo CultureOf(Language language) => language == Language.Russian ? Russian : English;

    /// <summary>The language the current UI culture writes replies in.</summary>
    public static Language Current =>
        CultureInfo.CurrentUICulture.Name.StartsWith("ru", StringComparison.Ordinal) ? Language.Russian : Language.English;

    /// <summary>
    /// Writes the rest of this asynchronous flow's replies in <paramref name="language"/>. The UI culture flows with
    /// the execution context, so it holds for everything the turn awaits and ends with it.
    /// </summary>
    public static void Use(Language language) => CultureInfo.CurrentUICulture = CultureOf(language);

    /// <summary>Texts written in a given language, whatever the turn's language is.</summary>
    public static T In<T>(Language language, Func<T> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(language);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
