using System.CommandLine;
using RegionBot.Import;

namespace RegionBot.Commands;

/// <summary>
/// <c>import FILE|DIR... [--out DIR] [--dry-run] [--knowledge DIR]</c>: turns saved articles (HTML, text, Markdown,
/// PDF, Word) into draft knowledge files and prints what it guessed for review. The work is done by
/// <see cref="ImportRunner"/> in RegionBot.Import.
/// </summary>
public static class ImportCommand
{
    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files (.html, .htm, .txt, .md, .pdf, .docx) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "FILE|DIR",
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Write the drafts here instead of into the knowledge folder.",
            HelpName = "DIR",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the review and the drafts; write nothing." };
        var knowledge = KnowledgeOption.Create();
        var command = new Command("import", "Turn saved articles into draft knowledge files and print what was guessed, for review.")
        {
            paths,
            output,
            dryRun,
            knowledge,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            parsed.GetRequiredValue(paths),
            parsed.GetValue(output)?.FullName,
            parsed.GetValue(dryRun),
            parsed.GetValue(knowledge)?.FullName,
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string? outputDirectory, bool dryRun, string? knowledgeDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            error.WriteLine("import: name at least one article file or folder");
            return 2;
        }

        var knowledge = knowledgeDirectory ?? KnowledgeOption.Resolve(null).Directory;
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return ImportRunner.Run(new ImportRequest(paths, knowledge, outputDirectory, dryRun), output, error, interactive, cancellationToken);
    }
}
