using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Structure;

/// <summary>
/// A section's country from the lexicon (names, demonyms, capitals) and the leaders the knowledge and the article
/// know: the one country its heading names, otherwise the country its paragraphs name clearly more than all others
/// together, otherwise <see cref="Countries.Region"/>.
/// </summary>
internal static class CountryGuess
{
    /// <summary>The share of a section's country mentions one country needs to be the section's country.</summary>
    private const double Dominance = 2.0 / 3.0;

    public static (string Country, string Reason) For(string heading, IEnumerable<string> paragraphs, SpeakerDirectory people)
    {
        IEnumerable<string> Named(string text) => Vocabulary.CountriesIn(text).Concat(people.CountriesOfPeopleIn(text));
        var inHeading = Named(heading).Distinct(StringComparer.Ordinal).ToList();
        if (inHeading.Count == 1)
        {
            return (inHeading[0], "named in the heading");
        }

        var counts = paragraphs.SelectMany(Named)
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => (Country: g.Key, Count: g.Count()))
            .OrderByDescending(c => c.Count)
            .ToList();
        var total = counts.Sum(c => c.Count);
        var summary = total == 0 ? "no country is named" : string.Join(", ", counts.Select(c => $"{c.Country} {c.Count}"));
        if (counts.Count > 0 && counts[0].Count >= 2 && counts[0].Count >= total * Dominance)
        {
            return (counts[0].Country, $"named most often ({summary})");
        }

        return (Countries.Region, inHeading.Count > 1 ? $"the heading names several countries ({string.Join(", ", inHeading)})"
            : total == 0 ? "no country is named"
            : $"no single country dominates ({summary})");
    }
}
