using RegionBot.Knowledge.Search;

namespace RegionBot.Replies;

/// <summary>What kind of reply a composed answer is, which decides how it opens.</summary>
public enum AnswerKind
{
    /// <summary>The best passages for the question, opening with the sentence that answers it best.</summary>
    Answer,

    /// <summary>The best passage for each compared country.</summary>
    Comparison,

    /// <summary>A question about the region as a whole: the best passage for each country concerned.</summary>
    AcrossRegion,

    /// <summary>The overview passage and the most representative passage of each country.</summary>
    Overview,

    /// <summary>
    /// The question is not answered, but its country or speaker is covered: what the sources do say about it,
    /// never presented as the answer.
    /// </summary>
    Partial,
}

/// <summary>
/// A reply built from one or more searches: what kind it is, the passages it shows with their citation numbers,
/// and the sentence that answers the question, when one does.
/// </summary>
/// <param name="Search">The search of the user's question, which a follow-up continues from.</param>
/// <param name="Quote">The sentence of the best passage that best answers the question, in the source's own words; null when none is shown as the answer.</param>
/// <param name="QuoteNumber">The citation number of the passage the quote comes from.</param>
/// <param name="Uncovered">The countries or speakers the sources say nothing about on this question (partial answers and one-sided comparisons).</param>
public sealed record ComposedAnswer(
    AnswerKind Kind,
    SearchAnswer Search,
    IReadOnlyList<CitedPassage> Passages,
    string? Quote,
    int QuoteNumber,
    IReadOnlyList<string> Uncovered)
{
    /// <summary>The passage ids shown, in citation order: what a rating of this reply rates.</summary>
    public IReadOnlyList<string> PassageIds => Passages.Select(p => p.Passage.Id).ToArray();
}
