using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>What kind of fact a passage gives, indexed so that "how many" and "when" questions can require it.</summary>
internal static class PassageFacts
{
    public const string Number = "number";
    public const string Time = "time";

    public static IEnumerable<string> Given(Passage passage, Lexicon lexicon)
    {
        var words = WordSplitter.Words(passage.Text).ToArray();
        var digits = passage.Text.Any(char.IsAsciiDigit);
        if (digits || words.Any(lexicon.NumberWords.Contains))
        {
            yield return Number;
        }

        if (digits || words.Any(lexicon.TimeWords.Contains))
        {
            yield return Time;
        }
    }
}
