using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// How much the lexical leg prefers a passage for the shape of answer a question wants: a statement when it asks what
/// was said, a quotation when it asks for someone's own words ("his exact words"), a reason when it asks why. The
/// preference orders passages that cover a question alike; it never makes an answer of one that does not.
/// </summary>
internal static class AnswerPreference
{
    private const float Statement = 1.2f;
    private const float Quote = 1.5f;
    private const float Reason = 2.5f;
    private const float Ongoing = 2f;

    /// <param name="shape">The passage's <see cref="OfShape"/>, read once by the caller, which keeps it too.</param>
    /// <param name="givesReasonAsked">Whether "why" is asked and the passage gives a reason (<see cref="GivesReasonAsked"/>), read once by the caller too.</param>
    public static float Of(InterpretedQuestion question, Passage passage, float shape, bool givesReasonAsked) =>
        (question.AsksWhatWasSaid && passage.Kind == PassageKind.Statement ? Statement : 1f)
        * (givesReasonAsked ? Reason : 1f)
        * shape;

    /// <summary>Whether the question asks why and the passage gives a reason or purpose (<see cref="PassageFacts.GivesReason"/>).</summary>
    public static bool GivesReasonAsked(InterpretedQuestion question, Passage passage) =>
        question.Shape.AsksWhy && PassageFacts.GivesReason(passage.Text);

    /// <summary>
    /// The preference for a shape of answer the text itself shows (a quotation, something said to go on), which orders
    /// passages covering a question alike even where meaning ranks them the other way. A reason is left out: a passage
    /// may give one without a word that marks it ("why is everyone watching Central Asia" is answered by the passage
    /// saying what all eyes are on), and meaning finds those better.
    /// </summary>
    public static float OfShape(InterpretedQuestion question, Passage passage) =>
        (question.Shape.AsksQuote && Quotes(passage.Text) ? Quote : 1f)
        * (question.Shape.AsksOngoing && TellsOfOngoing(passage.Text) ? Ongoing : 1f);

    /// <summary>Whether the text says something goes on: "continuing their long-standing communication", "every day".</summary>
    private static bool TellsOfOngoing(string text) =>
        text.Contains("every day", StringComparison.OrdinalIgnoreCase) || WordSplitter.Words(text).Any(Lexicon.Default.OngoingWords.Contains);

    /// <summary>
    /// Whether the text quotes someone: it holds a double quotation mark. Single ones are left out, since "’" is as
    /// often an apostrophe ("Afghanistan’s").
    /// </summary>
    private static bool Quotes(string text) => text.AsSpan().IndexOfAny("\"“”«»") >= 0;
}
