using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// What kind of fact a passage gives, indexed so that "how many", "how much money", "when" and "what date" questions
/// can require it.
/// </summary>
internal static partial class PassageFacts
{
    public const string Number = "number";
    public const string Time = "time";
    public const string Date = "date";
    public const string Money = "money";
    public const string Person = "person";

    /// <summary>A short hash of the words the facts are read by, so that an index of other words is rebuilt.</summary>
    public static string Version(Lexicon lexicon)
    {
        var words = string.Join('\n', new[] { lexicon.NumberWords, lexicon.TimeWords, lexicon.DateWords, lexicon.MoneyWords, lexicon.NotPersonWords, lexicon.InstitutionWords }
            .Select(group => string.Join(',', group.Order(StringComparer.Ordinal))));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(words)))[..8].ToLowerInvariant();
    }

    public static IEnumerable<string> Given(Passage passage, Lexicon lexicon)
    {
        var words = WordSplitter.Words(passage.Text).ToArray();
        var numbers = StandaloneNumber().Matches(passage.Text).ToArray();
        var dates = numbers.Where(n => IsYear(n.Value) || NextToMonth(passage.Text, n, lexicon)).ToArray();
        if (numbers.Length > dates.Length || words.Any(lexicon.NumberWords.Contains))
        {
            yield return Number;
        }

        if (numbers.Length > 0 || words.Any(lexicon.TimeWords.Contains))
        {
            yield return Time;
        }

        if (dates.Length > 0 || words.Any(lexicon.DateWords.Contains))
        {
            yield return Date;
        }

        if (passage.Text.AsSpan().IndexOfAny("$€£₽") >= 0 || words.Any(lexicon.MoneyWords.Contains))
        {
            yield return Money;
        }

        if (NamesPerson(passage, lexicon))
        {
            yield return Person;
        }
    }

    /// <summary>
    /// Whether the passage names a person: its speaker is one (not an institution), or two capitalised words that are
    /// neither places, institutions nor groups stand together inside a sentence ("Abdul Ghani Baradar").
    /// </summary>
    private static bool NamesPerson(Passage passage, Lexicon lexicon)
    {
        if (passage.Speaker is { } speaker && !WordSplitter.Words(speaker).Any(lexicon.InstitutionWords.Contains))
        {
            return true;
        }

        var run = 0;
        var previousEnd = -1;
        foreach (Match word in CapitalisedWord().Matches(passage.Text))
        {
            var lower = word.Value.ToLowerInvariant();
            var sentenceStart = word.Index == 0 || passage.Text[..word.Index].TrimEnd().EndsWith('.');
            var mayBeName = !sentenceStart && !lexicon.NotPersonWords.Contains(lower) && !lexicon.InstitutionWords.Contains(lower)
                && !lexicon.CountryAliases.ContainsKey(lower) && !lexicon.UncoveredAliases.ContainsKey(lower) && !lexicon.DateWords.Contains(lower);
            var follows = run > 0 && word.Index == previousEnd + 1 && passage.Text[previousEnd] == ' ';
            run = mayBeName ? (follows ? run + 1 : 1) : 0;
            previousEnd = word.Index + word.Length;
            if (run >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(string number) => number.Length == 4 && number[0] is '1' or '2';

    /// <summary>"August 25" or "25 August": the day of a date, not a count of anything.</summary>
    private static bool NextToMonth(string text, Match number, Lexicon lexicon)
    {
        var before = WordSplitter.Words(text[..number.Index]).LastOrDefault();
        var after = WordSplitter.Words(text[(number.Index + number.Length)..]).FirstOrDefault();
        return (before is not null && lexicon.DateWords.Contains(before)) || (after is not null && lexicon.DateWords.Contains(after));
    }

    /// <summary>
    /// A number that stands on its own: "$2.4 billion", "August 25", "2021". Digits joined to a word by a letter or a
    /// hyphen are part of a name ("Kaysar-2021", "COVID-19") and say nothing about how many or when.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])\d+(?:[.,]\d+)*(?![\p{L}\d]|-\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneNumber();

    /// <summary>A word starting with a capital letter, with its inner hyphens ("Kassym-Jomart").</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}]*(?:-\p{L}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();
}
