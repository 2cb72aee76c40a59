using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Structure;

/// <summary>
/// The people and institutions met so far: those the article has named (most recent first) and those the
/// knowledge already quotes. A surname ("Tokayev", or "Kazakbayev" spelled one letter apart) or a description
/// ("the Tajik leader") is matched to a full name here.
/// </summary>
internal sealed class SpeakerDirectory
{
    private static readonly HashSet<string> HeadOfStateWords = new(["president", "leader", "king", "emir", "premier", "prime"], StringComparer.OrdinalIgnoreCase);

    private readonly List<Person> known;
    private readonly List<Person> mentioned = [];

    public SpeakerDirectory(IEnumerable<Passage> knowledge)
    {
        known = knowledge
            .Where(p => p.Kind == PassageKind.Statement && p.Speaker is not null)
            .GroupBy(p => p.Speaker!, StringComparer.Ordinal)
            .Select(g => new Person(g.Key, g.First().Role, CountryOf(g.First()), IsInstitutionName(g.Key)))
            .ToList();
    }

    /// <summary>The person most recently named in the article, if any.</summary>
    public Person? LastPerson => mentioned.LastOrDefault(p => !p.IsInstitution);

    /// <summary>Notes a mention; a person already known by that name is moved to the most recent place.</summary>
    public Person Mention(Person person)
    {
        var existing = FindByName(person.Name);
        var result = existing is null ? person : existing with { Role = existing.Role ?? person.Role, Country = existing.Country ?? person.Country };
        mentioned.RemoveAll(p => string.Equals(p.Name, result.Name, StringComparison.Ordinal));
        mentioned.Add(result);
        return result;
    }

    /// <summary>A full name, or a surname matched to a full name, from the article first, then from the knowledge.</summary>
    public Person? FindByName(string name)
    {
        foreach (var people in new[] { Enumerable.Reverse(mentioned), known })
        {
            var match = people.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? people.FirstOrDefault(p => !p.IsInstitution && SameSurname(p.Name, name));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>
    /// The countries of the people a text names by surname (the knowledge's leaders and ministers, and those the
    /// article has named so far), once per mention: "Rahmon" points to Tajikistan as "Tajik" does.
    /// </summary>
    public IEnumerable<string> CountriesOfPeopleIn(string text)
    {
        var people = known.Concat(mentioned)
            .Where(p => !p.IsInstitution && p.Country is not null && p.Name.Contains(' ', StringComparison.Ordinal))
            .GroupBy(p => p.Name.Split(' ')[^1], StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.Country).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Country!, StringComparer.OrdinalIgnoreCase);
        foreach (var word in Words.Split(text))
        {
            if (people.TryGetValue(Vocabulary.Key(word), out var country))
            {
                yield return country;
            }
        }
    }

    /// <summary>"the Tajik leader": the most recent person of that country whose role fits the title.</summary>
    public Person? FindByDescription(string? country, string titleWord)
    {
        foreach (var people in new[] { Enumerable.Reverse(mentioned), known })
        {
            var candidates = people.Where(p => !p.IsInstitution && (country is null || string.Equals(p.Country, country, StringComparison.Ordinal))).ToList();
            var match = candidates.FirstOrDefault(p => RoleFits(p.Role, titleWord));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static bool RoleFits(string? role, string titleWord)
    {
        if (role is null)
        {
            return false;
        }

        var roleWords = role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return roleWords.Any(w => string.Equals(w, titleWord, StringComparison.OrdinalIgnoreCase))
            || (HeadOfStateWords.Contains(titleWord) && roleWords.Any(HeadOfStateWords.Contains) && !roleWords.Any(w => string.Equals(w, "deputy", StringComparison.OrdinalIgnoreCase) || string.Equals(w, "vice", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool SameSurname(string fullName, string name)
    {
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var surname = fullName.Split(' ')[^1];
        return string.Equals(surname, name, StringComparison.OrdinalIgnoreCase)
            || (surname.Length >= 6 && name.Length >= 6 && EditDistanceIsAtMostOne(surname.ToLowerInvariant(), name.ToLowerInvariant()));
    }

    private static bool EditDistanceIsAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length
            ? a.AsSpan(i + Math.Min(1, a.Length - i)).SequenceEqual(b.AsSpan(i + Math.Min(1, b.Length - i)))
            : a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>A known speaker's country: the one the role names; none for a foreign role; else the passage's.</summary>
    private static string? CountryOf(Passage statement)
    {
        var role = statement.Role ?? "";
        var named = Vocabulary.CountriesIn(role).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 1)
        {
            return named[0];
        }

        var isForeign = Words.Split(role).Any(Vocabulary.IsForeign);
        return isForeign || string.Equals(statement.Country, Countries.Region, StringComparison.Ordinal) ? null : statement.Country;
    }

    internal static bool IsInstitutionName(string name) =>
        Words.Split(name).Any(w => StatementWords.InstitutionHeads.Contains(w));
}
