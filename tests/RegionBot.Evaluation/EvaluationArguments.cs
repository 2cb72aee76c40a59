namespace RegionBot.Evaluation;

/// <summary>The runner's command line: <c>[--questions FILE] [--russian FILE] [--knowledge DIR] [--verbose]</c>.</summary>
public sealed record EvaluationArguments(string? QuestionsFile, string? KnowledgeDirectory, bool Verbose, bool Help, string? RussianQuestionsFile = null)
{
    public const string Usage =
        "Usage: dotnet run --project tests/RegionBot.Evaluation [-- [--questions FILE] [--russian FILE] [--knowledge DIR] [--verbose]]";

    /// <exception cref="ArgumentException">An unknown option, or an option missing its value.</exception>
    public static EvaluationArguments Parse(IReadOnlyList<string> args)
    {
        string? questions = null;
        string? russian = null;
        string? knowledge = null;
        var verbose = false;
        var help = false;
        for (var index = 0; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--questions":
                    questions = ValueAfter(args, ref index);
                    break;
                case "--russian":
                    russian = ValueAfter(args, ref index);
                    break;
                case "--knowledge":
                    knowledge = ValueAfter(args, ref index);
                    break;
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[index]}'.");
            }
        }

        return new EvaluationArguments(questions, knowledge, verbose, help, russian);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Option '{args[index]}' needs a value.");
        }

        index++;
        return args[index];
    }
}
