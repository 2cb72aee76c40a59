using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Search;

namespace RegionBot.Evaluation;

/// <summary>
/// The command-line runner. It is a named class rather than top-level statements so that the test project,
/// which references both this project and the web app, sees only one <c>Program</c> type.
/// </summary>
public static class EvaluationProgram
{
    /// <returns>0 when the targets are met, 1 when they are missed, 2 when the evaluation could not run at all.</returns>
    public static int Main(string[] args)
    {
        EvaluationArguments arguments;
        try
        {
            arguments = EvaluationArguments.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(EvaluationArguments.Usage);
            return 2;
        }

        if (arguments.Help)
        {
            Console.WriteLine(EvaluationArguments.Usage);
            return 0;
        }

        try
        {
            // The repository is only looked for when a default is needed, so explicit paths work from anywhere.
            var root = new Lazy<string>(() => RepositoryLayout.FindRoot(Directory.GetCurrentDirectory()));
            var questionsFile = Path.GetFullPath(arguments.QuestionsFile ?? RepositoryLayout.DefaultQuestionsFile(root.Value));
            var knowledgeDirectory = Path.GetFullPath(
                arguments.KnowledgeDirectory ?? RepositoryLayout.DefaultKnowledgeDirectory(root.Value));

            var russianFile = Path.GetFullPath(arguments.RussianQuestionsFile ?? RepositoryLayout.DefaultRussianQuestionsFile(root.Value));
            var questions = QuestionSet.Load(questionsFile);
            var russianQuestions = QuestionSet.Load(russianFile);
            using var store = KnowledgeStore.Open(knowledgeDirectory, new SearchOptions());
            store.SemanticReady.GetAwaiter().GetResult();

            Console.WriteLine($"Questions: {questionsFile}");
            Console.WriteLine($"Russian questions: {russianFile}");
            Console.WriteLine($"Knowledge: {knowledgeDirectory}");
            Console.WriteLine();

            // The bot's own search is hybrid; each leg alone is measured beside it to show what each contributes.
            var targets = arguments.QuestionsFile is null ? EvaluationTargets.Default : EvaluationTargets.Independent;
            var reports = new[] { ("lexical only", SearchMode.Lexical), ("semantic only", SearchMode.Semantic), ("hybrid", SearchMode.Hybrid) }
                .Select(mode => (mode.Item1,
                    new Evaluator((question, token) => store.Search(question, null, mode.Item2, token), targets).Evaluate(questions)))
                .ToArray();
            // The targets hold for the main set; a section (the paraphrases) is measured beside it, to show what meaning adds.
            var report = reports[^1].Item2 with { Results = reports[^1].Item2.Results.Where(r => r.Question.Section is null).ToArray() };
            ReportPrinter.Print(reports[^1].Item2 with { Results = reports[^1].Item2.Results.Where(r => r.IsFailure || arguments.Verbose).ToArray() }, Console.Out, arguments.Verbose, figures: false);
            ReportPrinter.Print(report, Console.Out, verbose: false, failures: false);
            Console.WriteLine();
            Console.WriteLine("All questions:");
            ReportPrinter.PrintComparison(reports, Console.Out);
            foreach (var section in questions.Select(q => q.Section).Distinct(StringComparer.Ordinal).Where(_ => questions.Any(q => q.Section is not null)))
            {
                Console.WriteLine();
                Console.WriteLine(section is null ? "Main set (the targets):" : $"Section '{section}':");
                ReportPrinter.PrintComparison(
                    reports.Select(r => (r.Item1, r.Item2 with { Results = r.Item2.Results.Where(x => x.Question.Section == section).ToArray() })).ToArray(),
                    Console.Out);
            }
            // Russian questions go through the same search, read into English by the bilingual lexicon.
            var russian = new Evaluator((question, token) => store.Search(question, null, SearchMode.Hybrid, token), EvaluationTargets.Russian)
                .Evaluate(russianQuestions);
            Console.WriteLine();
            Console.WriteLine("Russian questions:");
            ReportPrinter.Print(russian with { Results = russian.Results.Where(r => r.IsFailure || arguments.Verbose).ToArray() }, Console.Out, arguments.Verbose, figures: false);
            ReportPrinter.PrintLanguages([("English", report), ("Russian", russian)], Console.Out);

            if (store.Status.Semantic is { Ready: false } semantic)
            {
                Console.WriteLine($"The passage vectors are not available ({semantic.Error ?? "not ready"}): semantic and hybrid figures are lexical.");
            }

            return report.TargetsMet && russian.TargetsMet ? 0 : 1;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or KnowledgeValidationException
                                               or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
    }
}
