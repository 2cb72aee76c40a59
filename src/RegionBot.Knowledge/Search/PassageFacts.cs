using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>What kind of fact a passage gives, indexed so that "how many", "when" and "what date" questions can require it.</summary>
internal static partial class PassageFacts
{
    public const string Number = "number";
    public const string Time = "time";
    public const string Date = "date";

    public static IEnumerable<string> Given(Passage passage, Lexicon lexicon)
    {
        var words = WordSplitter.Words(passage.Text).ToArray();
        var numbers = StandaloneNumber().Matches(passage.Text).Select(m => m.Value).ToArray();
        if (numbers.Length > 0 || words.Any(lexicon.NumberWords.Contains))
        {
            yield return Number;
        }

        if (numbers.Length > 0 || words.Any(lexicon.TimeWords.Contains))
        {
            yield return Time;
        }

        if (numbers.Any(IsYear) || words.Any(lexicon.DateWords.Contains))
        {
            yield return Date;
        }
    }

    private static bool IsYear(string number) => number.Length == 4 && number[0] is '1' or '2';

    /// <summary>
    /// A number that stands on its own: "$2.4 billion", "August 25", "2021". Digits joined to a word by a letter or a
    /// hyphen are part of a name ("Kaysar-2021", "COVID-19") and say nothing about how many or when.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])\d+(?:[.,]\d+)*(?![\p{L}\d]|-\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneNumber();
}
