using RegionBot.Evaluation;
using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.Evaluation;

/// <summary>
/// The instrument itself must count right, or a good search could be rejected and a bad one shipped.
/// These tests build results by hand so the expected figures follow from the definitions alone.
/// </summary>
public sealed class EvaluationReportTests
{
    private static readonly EvaluationQuestion AboutKazakhstan = new("Does Kazakhstan recognise the Taliban?", ["trt-kz-8", "trt-kz-7"]);
    private static readonly EvaluationQuestion AboutMongolia = new("What does Mongolia think?", []);

    [Fact]
    public void Top1_counts_only_a_first_hit_that_is_expected()
    {
        var report = Report(
            Answered(AboutKazakhstan, "trt-kz-7", "trt-tj-1"),
            Answered(AboutKazakhstan, "trt-tj-1", "trt-kz-8"));

        Assert.Equal(0.5, report.Top1Accuracy);
        Assert.Equal(1.0, report.RecallAt3);
    }

    [Fact]
    public void Recall_at_3_ignores_an_expected_passage_in_fourth_place()
    {
        var report = Report(Answered(AboutKazakhstan, "trt-tj-1", "trt-tj-2", "trt-uz-1", "trt-kz-8"));

        Assert.Equal(0.0, report.RecallAt3);
        Assert.Contains(report.MissedTargets, missed => missed.StartsWith("recall@3", StringComparison.Ordinal));
    }

    [Fact]
    public void Abstention_and_false_abstention_are_counted_per_kind_of_question()
    {
        var report = Report(
            Unanswered(AboutMongolia),
            Answered(AboutMongolia, "trt-kz-1"),
            Unanswered(AboutKazakhstan));

        Assert.Equal(0.5, report.AbstentionRate);
        Assert.Equal(1, report.FalseAbstentionCount);
        Assert.Equal(0.0, report.Top1Accuracy);
    }

    [Fact]
    public void Meeting_every_target_exactly_counts_as_met()
    {
        // 19 of 20 is exactly the 0.95 target; floating point must not turn it into a miss.
        var results = Enumerable.Range(0, 19).Select(_ => Answered(AboutKazakhstan, "trt-kz-8", "trt-tj-1"))
            .Append(Answered(AboutKazakhstan, "trt-tj-1", "trt-kz-8"))
            .Concat(Enumerable.Range(0, 9).Select(_ => Unanswered(AboutMongolia)))
            .Append(Answered(AboutMongolia, "trt-kz-1"));

        var report = Report([.. results]);

        Assert.True(report.TargetsMet, string.Join(", ", report.MissedTargets));
    }

    [Fact]
    public void An_independently_worded_set_is_held_to_its_own_targets()
    {
        // 49 of 50 in the first three is 0.98: enough for an independent set, not for our own (1.00). 93 % abstention
        // is enough for our own set (0.90), not for an independent one (0.95).
        var results = Enumerable.Range(0, 49).Select(_ => Answered(AboutKazakhstan, "trt-kz-8"))
            .Append(Answered(AboutKazakhstan, "trt-tj-1"))
            .Concat(Enumerable.Range(0, 28).Select(_ => Unanswered(AboutMongolia)))
            .Concat(Enumerable.Range(0, 2).Select(_ => Answered(AboutMongolia, "trt-kz-1")))
            .ToArray();

        var own = new EvaluationReport(results, EvaluationTargets.Default).MissedTargets;
        var independent = new EvaluationReport(results, EvaluationTargets.Independent).MissedTargets;

        Assert.Equal(["recall@3"], own.Select(m => m.Split(' ')[0]));
        Assert.Equal(["abstention"], independent.Select(m => m.Split(' ')[0]));
    }

    [Fact]
    public void The_printed_report_ends_with_the_missed_targets_and_shows_each_failure()
    {
        var report = Report(Unanswered(AboutKazakhstan), Answered(AboutMongolia, "trt-kz-1"));
        using var writer = new StringWriter();

        ReportPrinter.Print(report, writer, verbose: false);

        var text = writer.ToString();
        Assert.Contains("Does Kazakhstan recognise the Taliban?", text, StringComparison.Ordinal);
        Assert.Contains("no answer: WeakMatch", text, StringComparison.Ordinal);
        Assert.Contains("trt-kz-1 (0.80)", text, StringComparison.Ordinal);
        Assert.EndsWith(
            "Targets: missed (top-1 0.00 < 0.95, recall@3 0.00 < 1.00, abstention 0.00 < 0.90, false no-answer 1.00 > 0.02)" + Environment.NewLine,
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_entry_without_an_answers_list_is_rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"regionbot-questions-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[ { "question": "Is Kazakhstan going to accept the Taliban?" } ]""");
        try
        {
            var exception = Assert.Throws<InvalidDataException>(() => QuestionSet.Load(path));
            Assert.Contains("entry 1", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static EvaluationReport Report(params QuestionResult[] results) => new(results, EvaluationTargets.Default);

    private static QuestionResult Answered(EvaluationQuestion question, params string[] passageIds) =>
        new(question, passageIds.Select(id => new ReturnedHit(id, 0.8f)).ToArray(), null);

    private static QuestionResult Unanswered(EvaluationQuestion question) => new(question, [], NoAnswerReason.WeakMatch);
}
