using System.Globalization;

namespace RegionBot.Import.Structure;

/// <summary>
/// Turns the title an article gives a speaker into a role in the knowledge's style: "Kazakh President" →
/// "President of Kazakhstan", "Kyrgyzstan Foreign Minister" → "Kyrgyzstan's Foreign Minister", a title with no
/// country → the section's country ("Kazakhstan's Deputy Minister of Foreign Affairs"), a foreign title as written
/// ("Russian Deputy Foreign Minister").
/// </summary>
internal static class Roles
{
    public static (string? Role, string? Country) ForPerson(IReadOnlyList<string> title, string? sectionCountry)
    {
        var words = title.Where(w => !StatementWords.Determiners.Contains(w)).ToList();
        if (words.Any(Vocabulary.IsForeign))
        {
            return (words.Count == 0 ? null : Straighten(string.Join(' ', words)), null);
        }

        var country = words.Select(Vocabulary.CountryOf).FirstOrDefault(c => c is not null) ?? sectionCountry;
        var rest = words.Where(w => Vocabulary.CountryOf(w) is null).ToList();
        if (rest.Count == 0 || !rest.Any(w => StatementWords.TitleWords.Contains(w)))
        {
            return (null, country);
        }

        var office = Capitalise(string.Join(' ', rest));
        if (country is null)
        {
            return (office, null);
        }

        return StatementWords.HeadOfStateTitles.Contains(office) ? ($"{office} of {country}", country) : ($"{country}'s {office}", country);
    }

    public static (string Role, string? Country) ForInstitution(IReadOnlyList<string> words, string? sectionCountry)
    {
        var country = words.Select(Vocabulary.CountryOf).FirstOrDefault(c => c is not null) ?? sectionCountry;
        var rest = words.Where(w => Vocabulary.CountryOf(w) is null && !StatementWords.Determiners.Contains(w)).Select(w => w.ToLowerInvariant()).ToList();
        if (country is null)
        {
            return (Straighten(string.Join(' ', words)), null);
        }

        var has = (string word) => rest.Contains(word, StringComparer.Ordinal);
        var role = has("government") ? $"Government of {country}"
            : has("ministry") && has("foreign") ? $"Ministry of Foreign Affairs of {country}"
            : has("ministry") && (has("defence") || has("defense")) ? $"Ministry of Defence of {country}"
            : has("ministry") ? $"Ministry of {Capitalise(string.Join(' ', rest.Where(w => w != "ministry")))} of {country}"
            : $"{Capitalise(string.Join(' ', rest))} of {country}";
        return (role, country);
    }

    /// <summary>Typographic apostrophes as the knowledge writes them, so names compare alike.</summary>
    public static string Straighten(string text) => text.Replace('’', '\'');

    private static string Capitalise(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w is "of" or "and" or "for" || w.Length == 0 ? w : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
