using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;

namespace RegionBot.Commands;

/// <summary>
/// The terminal commands: <c>ask "question"</c> prints the answer as the bot would send it, <c>validate</c>
/// checks the knowledge folder (both take <c>--knowledge DIR</c>; without it they use the configured folder), and
/// <c>report</c> sums up the feedback log (<c>--feedback FILE</c>; without it the configured log).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage:
          dotnet run --project src/RegionBot                                  run the bot on http://localhost:3978
          dotnet run --project src/RegionBot -- ask "QUESTION" [--knowledge DIR] [--explain]
                                                                      print the bot's answer (--explain: and why)
          dotnet run --project src/RegionBot -- validate [--knowledge DIR]        check the knowledge files
          dotnet run --project src/RegionBot -- import FILE|DIR... [--out DIR] [--dry-run] [--knowledge DIR]
                                  turn saved articles (.html .txt .md .pdf .docx) into knowledge files for review
          dotnet run --project src/RegionBot -- report [--feedback FILE]
                                        list unanswered questions and poorly rated answers from the feedback log
        """;

    /// <summary>Runs a terminal command when <paramref name="args"/> names one; returns null to start the bot instead.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var options = Parse(args.Skip(1).ToArray());
        return args[0] switch
        {
            "ask" when options.Positional.Count == 1 && options.Valid => Ask(options.Positional[0], options, output, error),
            "validate" when options.Positional.Count == 0 && options.Valid => Validate(options, output, error),
            "report" when options.Positional.Count == 0 && options.Valid && options.KnowledgeDirectory is null => ReportCommand.Run(options.FeedbackPath, output),
            "import" when options.Valid => ImportCommand.Run(options.Positional, options.OutputDirectory, options.DryRun, options.KnowledgeDirectory, output, error, CancellationToken.None),
            "ask" or "validate" or "report" or "import" or "help" or "--help" => ShowUsage(error),
            _ => null,
        };
    }

    private static int Ask(string question, ParsedOptions options, TextWriter output, TextWriter error)
    {
        var searchOptions = KnowledgeLocation.ReadSearchOptions();
        try
        {
            using var store = KnowledgeStore.Open(options.KnowledgeDirectory ?? KnowledgeLocation.Resolve(searchOptions), searchOptions);
            var answer = store.Search(question);
            output.WriteLine(AnswerText.Format(answer));
            if (options.Explain)
            {
                output.WriteLine();
                output.WriteLine(store.Explain(question));
            }

            return 0;
        }
        catch (KnowledgeValidationException ex)
        {
            WriteProblems(ex.Problems, error);
            return 1;
        }
    }

    private static int Validate(ParsedOptions options, TextWriter output, TextWriter error)
    {
        var directory = options.KnowledgeDirectory ?? KnowledgeLocation.Resolve(KnowledgeLocation.ReadSearchOptions());
        var result = KnowledgeLoader.Load(directory);
        if (!result.IsValid)
        {
            WriteProblems(result.Problems, error);
            return 1;
        }

        var sources = result.Knowledge!.Sources.Count;
        output.WriteLine($"The knowledge in {Path.GetFullPath(directory)} is valid: {result.Knowledge.Passages.Count} passages from {sources} source{(sources == 1 ? "" : "s")}.");
        return 0;
    }

    private static void WriteProblems(IReadOnlyList<KnowledgeProblem> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the knowledge.");
    }

    private static int ShowUsage(TextWriter error)
    {
        error.WriteLine(Usage);
        return 2;
    }

    private static ParsedOptions Parse(string[] args)
    {
        var positional = new List<string>();
        string? knowledge = null;
        string? feedback = null;
        string? output = null;
        var explain = false;
        var dryRun = false;
        var valid = true;
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], "--knowledge", StringComparison.Ordinal))
            {
                valid &= i + 1 < args.Length;
                knowledge = i + 1 < args.Length ? args[++i] : null;
            }
            else if (string.Equals(args[i], "--feedback", StringComparison.Ordinal))
            {
                valid &= i + 1 < args.Length;
                feedback = i + 1 < args.Length ? args[++i] : null;
            }
            else if (string.Equals(args[i], "--explain", StringComparison.Ordinal))
            {
                explain = true;
            }
            else if (string.Equals(args[i], "--out", StringComparison.Ordinal))
            {
                valid &= i + 1 < args.Length;
                output = i + 1 < args.Length ? args[++i] : null;
            }
            else if (string.Equals(args[i], "--dry-run", StringComparison.Ordinal))
            {
                dryRun = true;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new ParsedOptions(positional, knowledge, feedback, explain, valid, output, dryRun);
    }

    private sealed record ParsedOptions(IReadOnlyList<string> Positional, string? KnowledgeDirectory, string? FeedbackPath, bool Explain, bool Valid, string? OutputDirectory = null, bool DryRun = false);
}
