using System.Globalization;

namespace RegionBot.Evaluation;

/// <summary>Writes an evaluation report for a person reading a terminal or a CI log.</summary>
public static class ReportPrinter
{
    /// <param name="failures">Whether to list the failing questions (every question when <paramref name="verbose"/>).</param>
    /// <param name="figures">Whether to print the figures and targets.</param>
    public static void Print(EvaluationReport report, TextWriter output, bool verbose, bool failures = true, bool figures = true)
    {
        var details = verbose ? report.Results : report.Failures.ToList();
        if (failures && details.Count > 0)
        {
            output.WriteLine(verbose ? "Results:" : "Failures:");
            foreach (var result in details)
            {
                PrintResult(result, output);
            }

            output.WriteLine();
        }

        if (!figures)
        {
            return;
        }

        output.WriteLine(Invariant($"Questions: {report.AnswerableCount} answerable, {report.UnanswerableCount} unanswerable"));
        output.WriteLine(Invariant(
            $"Top-1 accuracy:   {report.Top1Accuracy:0.000} ({report.Top1CorrectCount}/{report.AnswerableCount})  answerable questions whose first hit is an expected passage"));
        output.WriteLine(Invariant(
            $"Recall@3:         {report.RecallAt3:0.000} ({report.RecalledAt3Count}/{report.AnswerableCount})  answerable questions with at least one expected passage among the first {Evaluator.RecallDepth} hits"));
        output.WriteLine(Invariant(
            $"Abstention rate:  {report.AbstentionRate:0.000} ({report.AbstainedCount}/{report.UnanswerableCount})  unanswerable questions that got no answer"));
        output.WriteLine(Invariant(
            $"False abstention: {report.FalseAbstentionCount}{ReasonBreakdown(report)}  answerable questions that got no answer"));
        output.WriteLine(Invariant(
            $"Targets: top-1 >= {report.Targets.Top1Accuracy:0.00}, recall@3 >= {report.Targets.RecallAt3:0.00}, abstention >= {report.Targets.AbstentionRate:0.00}, false no-answer <= {report.Targets.FalseNoAnswerRate:0.00}"));
        output.WriteLine(report.TargetsMet ? "Targets: met" : $"Targets: missed ({string.Join(", ", report.MissedTargets)})");
    }

    /// <summary>One line per search mode: the lexical leg alone, the semantic leg alone, and the hybrid the bot uses.</summary>
    public static void PrintComparison(IReadOnlyList<(string Mode, EvaluationReport Report)> reports, TextWriter output)
    {
        output.WriteLine("| search | top-1 | recall@3 | false no-answer | abstention |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (mode, report) in reports)
        {
            output.WriteLine(Invariant(
                $"| {mode} | {report.Top1Accuracy:0.000} | {report.RecallAt3:0.000} | {report.FalseNoAnswerRate:0.000} ({report.FalseAbstentionCount}/{report.AnswerableCount}) | {report.AbstentionRate:0.000} ({report.AbstainedCount}/{report.UnanswerableCount}) |"));
        }
    }

    private static void PrintResult(QuestionResult result, TextWriter output)
    {
        var verdict = result.IsFailure ? "FAIL" : "ok  ";
        var expected = result.Question.IsAnswerable ? string.Join(", ", result.Question.Answers) : "(no answer)";
        var got = result.HasAnswer
            ? string.Join(", ", result.Hits.Select(hit => Invariant($"{hit.PassageId} ({hit.Confidence:0.00})")))
            : $"(no answer: {result.NoAnswer?.ToString() ?? "no reason given"})";
        output.WriteLine($"{verdict} {result.Question.Question}");
        output.WriteLine($"       expected: {expected}");
        output.WriteLine($"       got:      {got}");
    }

    /// <summary>Why answerable questions went unanswered, e.g. " (WeakMatch 3, NotCovered 1)", which points at what to fix.</summary>
    private static string ReasonBreakdown(EvaluationReport report)
    {
        var reasons = report.Results
            .Where(r => r.FalselyAbstained)
            .GroupBy(r => r.NoAnswer?.ToString() ?? "no reason given", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Invariant($"{g.Key} {g.Count()}"))
            .ToList();
        return reasons.Count == 0 ? string.Empty : $" ({string.Join(", ", reasons)})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
