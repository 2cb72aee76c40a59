using System.Globalization;

namespace RegionBot.Feedback;

/// <summary>
/// Sums up the feedback log: the questions the knowledge could not answer, most frequent first, and the answers
/// users rated unhelpful at least as often as helpful, worst first. Questions are grouped regardless of case,
/// spacing and closing punctuation.
/// </summary>
public sealed class FeedbackReport
{
    private FeedbackReport(IReadOnlyList<UnansweredQuestion> unanswered, IReadOnlyList<RatedAnswer> poorlyRated, int ratings, int unreadableLines)
    {
        Unanswered = unanswered;
        PoorlyRated = poorlyRated;
        Ratings = ratings;
        UnreadableLines = unreadableLines;
    }

    public IReadOnlyList<UnansweredQuestion> Unanswered { get; }

    public IReadOnlyList<RatedAnswer> PoorlyRated { get; }

    public int Ratings { get; }

    public int UnreadableLines { get; }

    public static FeedbackReport From(FeedbackLogContents log)
    {
        var unanswered = log.Entries
            .Where(entry => entry.Kind == FeedbackKind.Unanswered)
            .GroupBy(entry => Normalize(entry.Question), StringComparer.Ordinal)
            .Select(group => new UnansweredQuestion(
                group.Last().Question.Trim(),
                group.Count(),
                group.Select(entry => entry.NoAnswer).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
                group.Max(entry => entry.Timestamp)))
            .OrderByDescending(question => question.Count)
            .ThenByDescending(question => question.LastAsked)
            .ToArray();

        var ratings = log.Entries.Where(entry => entry.Kind == FeedbackKind.Rating && entry.Helpful is not null).ToArray();
        var poorlyRated = ratings
            .GroupBy(entry => Normalize(entry.Question) + "\n" + string.Join(",", entry.PassageIds), StringComparer.Ordinal)
            .Select(group => new RatedAnswer(
                group.Last().Question.Trim(),
                group.First().PassageIds,
                group.Count(entry => entry.Helpful == true),
                group.Count(entry => entry.Helpful == false))
            {
                Comments = group.Select(entry => entry.Comment).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            })
            .Where(answer => answer.Unhelpful > 0 && answer.Unhelpful >= answer.Helpful)
            .OrderByDescending(answer => answer.Unhelpful - answer.Helpful)
            .ThenByDescending(answer => answer.Unhelpful)
            .ToArray();

        return new FeedbackReport(unanswered, poorlyRated, ratings.Length, log.UnreadableLines);
    }

    public void WriteTo(TextWriter output, string logPath)
    {
        output.WriteLine($"Feedback log: {logPath}");
        if (UnreadableLines > 0)
        {
            output.WriteLine($"({UnreadableLines} unreadable line{Plural(UnreadableLines)} skipped)");
        }

        output.WriteLine();
        output.WriteLine($"Unanswered questions ({Unanswered.Sum(q => q.Count)} asked, {Unanswered.Count} distinct), most frequent first:");
        if (Unanswered.Count == 0)
        {
            output.WriteLine("  none");
        }

        foreach (var question in Unanswered)
        {
            var reasons = question.Reasons.Count == 0 ? "" : $"  [{string.Join(", ", question.Reasons)}]";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {question.Count,4}×  {question.Question}{reasons}"));
        }

        output.WriteLine();
        output.WriteLine($"Poorly rated answers ({PoorlyRated.Count}, from {Ratings} rating{Plural(Ratings)} in all), worst first:");
        if (PoorlyRated.Count == 0)
        {
            output.WriteLine("  none");
        }

        foreach (var answer in PoorlyRated)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  👎 {answer.Unhelpful}  👍 {answer.Helpful}  {answer.Question}"));
            output.WriteLine($"         passages: {(answer.PassageIds.Count == 0 ? "(none recorded)" : string.Join(", ", answer.PassageIds))}");
            foreach (var comment in answer.Comments)
            {
                output.WriteLine($"         comment: {comment}");
            }
        }
    }

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static string Normalize(string question) =>
        string.Join(' ', question.Trim().TrimEnd('?', '!', '.').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant();
}

/// <summary>A question the knowledge could not answer, how often it was asked, and why it had no answer.</summary>
public sealed record UnansweredQuestion(string Question, int Count, IReadOnlyList<string> Reasons, DateTimeOffset LastAsked);

/// <summary>An answer (question and passages shown) with its helpful and unhelpful ratings.</summary>
public sealed record RatedAnswer(string Question, IReadOnlyList<string> PassageIds, int Helpful, int Unhelpful)
{
    /// <summary>What users wrote along with their ratings of this answer.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];
}
