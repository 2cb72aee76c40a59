using System.CommandLine;
using System.CommandLine.Parsing;

namespace RegionBot.Commands;

/// <summary>
/// The terminal commands, parsed with System.CommandLine: <c>ask</c>, <c>validate</c> and <c>report</c>, each with
/// <c>--help</c>. Arguments that name no command (none at all, or the host's own such as <c>--urls</c> or
/// <c>--MicrosoftAppId</c>) start the bot instead; a word that is no command, or a command used wrongly, gets the
/// usage and exit code 2.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Every terminal command. A new command (for example <c>import</c>) is one more entry here, built in its own
    /// file like <see cref="AskCommand"/>.
    /// </summary>
    private static IEnumerable<Command> Commands() =>
    [
        AskCommand.Create(),
        ValidateCommand.Create(),
        ReportCommand.Create(),
        ImportCommand.Create(),
    ];

    /// <summary>Runs a terminal command when <paramref name="args"/> names one; returns null to start the bot instead.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (StartsTheBot(args))
        {
            return null;
        }

        var root = new RootCommand(
            "RegionBot answers questions about how Central Asia responded to the Taliban's return. Without a command "
            + "(or with host settings such as --urls http://0.0.0.0:8080) it runs the bot on http://localhost:3978.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        // "help" on its own reads as a request for help rather than as an unknown command.
        var parsed = root.Parse(args is ["help"] ? ["--help"] : args);
        if (parsed.Errors.Count > 0)
        {
            // Arguments that got no further than the root name no command: one plain line says so.
            var problems = parsed.CommandResult.Command == root
                ? [$"'{args[0]}' is not a command."]
                : parsed.Errors.Select(problem => problem.Message);
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine();
            ShowHelp(parsed, error);
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// No arguments, or host settings: options (<c>--urls</c>, <c>--MicrosoftAppId</c>) other than help and version,
    /// and <c>key=value</c> settings. Anything else is meant as a command.
    /// </summary>
    private static bool StartsTheBot(string[] args) => args switch
    {
        [] => true,
        ["-h" or "--help" or "-?" or "--version", ..] => false,
        [var first, ..] => first.StartsWith('-') || first.Contains('=', StringComparison.Ordinal),
    };

    /// <summary>The help of the command the arguments got to (the root's when they named none), into <paramref name="writer"/>.</summary>
    private static void ShowHelp(ParseResult parsed, TextWriter writer)
    {
        var path = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        var configuration = new InvocationConfiguration { Output = writer, Error = writer };
        parsed.RootCommandResult.Command.Parse([.. path, "--help"]).Invoke(configuration);
    }
}
