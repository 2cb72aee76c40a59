using RegionBot.Import;

namespace RegionBot.Commands;

/// <summary>
/// <c>import FILE|DIR... [--out DIR] [--dry-run] [--knowledge DIR]</c>: turns saved articles (HTML, text, Markdown,
/// PDF, Word) into draft knowledge files and prints what it guessed for review. The options arrive parsed; the
/// work is done by <see cref="ImportRunner"/> in RegionBot.Import.
/// </summary>
public static class ImportCommand
{
    public static int Run(IReadOnlyList<string> paths, string? outputDirectory, bool dryRun, string? knowledgeDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            error.WriteLine("import: name at least one article file or folder");
            return 2;
        }

        var knowledge = knowledgeDirectory ?? KnowledgeLocation.Resolve(KnowledgeLocation.ReadSearchOptions());
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return ImportRunner.Run(new ImportRequest(paths, knowledge, outputDirectory, dryRun), output, error, interactive, cancellationToken);
    }
}
