using RegionBot.Knowledge.Model;

namespace RegionBot.Replies;

/// <summary>A passage shown in a reply, with the number the text cites it by and the label it is shown under.</summary>
/// <param name="Number">The citation number, from 1: the text refers to it as [1], and the citation entity's claim has this position.</param>
/// <param name="Label">What the passage is shown as, such as its country; the country when null.</param>
public sealed record CitedPassage(int Number, Passage Passage, string? Label = null)
{
    /// <summary>The heading the passage is shown under.</summary>
    public string Heading => Label ?? Passage.Country;
}
