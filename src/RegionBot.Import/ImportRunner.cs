using RegionBot.Import.Reading;
using RegionBot.Knowledge.Loading;
using Spectre.Console;

namespace RegionBot.Import;

/// <summary>
/// Runs <c>import</c>: each file (every supported file of a folder) is imported on its own, its review printed as
/// <c>file:line: guess</c>; a failure is one line on the error writer and never stops the others. Long runs show a
/// progress bar (Spectre.Console) on a terminal and a "[n/total]" line per file elsewhere.
/// </summary>
public static class ImportRunner
{
    /// <summary>Runs the import; returns 0 when every article was imported, 1 when any was refused.</summary>
    /// <param name="showProgressBar">Draw a live progress bar: only for an interactive terminal.</param>
    public static int Run(ImportRequest request, TextWriter output, TextWriter error, bool showProgressBar, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var failures = 0;
        foreach (var path in request.Paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToList();
                foreach (var skipped in found.Where(f => !ArticleFormats.IsSupported(f)))
                {
                    output.WriteLine($"Skipping {Path.GetFileName(skipped)}: not a format import reads ({string.Join(", ", ArticleFormats.Extensions)}).");
                }

                var supported = found.Where(ArticleFormats.IsSupported).ToList();
                if (supported.Count == 0)
                {
                    error.WriteLine($"{path}: the folder holds no file import can read ({string.Join(", ", ArticleFormats.Extensions)})");
                    failures++;
                }

                files.AddRange(supported);
            }
            else
            {
                files.Add(path);
            }
        }

        var outputDirectory = request.OutputDirectory ?? request.KnowledgeDirectory;
        if (showProgressBar && files.Count > 1)
        {
            // While the bar is drawn, each file's report goes through Spectre's console (which prints it above the
            // bar) and refusals wait until the bar is done, so the two never overwrite each other.
            var errors = new StringWriter();
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("Importing", maxValue: files.Count);
                foreach (var file in files)
                {
                    var report = new StringWriter();
                    failures += ImportOne(file, request, outputDirectory, null, report, errors, cancellationToken);
                    AnsiConsole.Write(new Text(report.ToString()));
                    task.Increment(1);
                }
            });
            error.Write(errors.ToString());
        }
        else
        {
            for (var i = 0; i < files.Count; i++)
            {
                failures += ImportOne(files[i], request, outputDirectory, files.Count > 1 ? $"[{i + 1}/{files.Count}] " : null, output, error, cancellationToken);
            }
        }

        if (!request.DryRun && files.Count > failures && SameFolder(outputDirectory, request.KnowledgeDirectory))
        {
            ReportValidation(request.KnowledgeDirectory, output, error);
        }

        return failures == 0 ? 0 : 1;
    }

    private static int ImportOne(string file, ImportRequest request, string outputDirectory, string? progress, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (progress is not null)
        {
            output.WriteLine($"{progress}{Path.GetFileName(file)}");
        }

        try
        {
            var outcome = ArticleImporter.Import(file, request.KnowledgeDirectory, outputDirectory, request.DryRun, cancellationToken);
            WriteOutcome(outcome, request.DryRun, output);
            return 0;
        }
        catch (ImportException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static void WriteOutcome(ImportOutcome outcome, bool dryRun, TextWriter output)
    {
        var passages = outcome.Draft.Passages.ToList();
        var shown = Display(outcome.DraftPath);
        var statements = passages.Count(p => p.Kind == Knowledge.Model.PassageKind.Statement);
        var action = dryRun ? "dry run, nothing written" : "written";
        output.WriteLine($"{outcome.Draft.SourceFile} → {shown} ({action}): {passages.Count} passages in {outcome.Draft.Sections.Count} sections, {statements} statements.");
        output.WriteLine("Review what was guessed:");
        foreach (var item in outcome.Review)
        {
            output.WriteLine($"  {shown}:{item.Line}: {item.Message}");
        }

        if (outcome.Comparison is { } comparison)
        {
            output.WriteLine($"Kept {outcome.KeptIds} of {passages.Count} passage ids from the file it replaces.");
            output.WriteLine($"Compared with the reviewed {shown}: {comparison.Summary()}.");
            foreach (var difference in comparison.Differences)
            {
                output.WriteLine($"  {difference}");
            }
        }

        if (dryRun)
        {
            output.WriteLine($"The draft of {shown}:");
            output.Write(outcome.Text);
        }
    }

    private static void ReportValidation(string knowledgeDirectory, TextWriter output, TextWriter error)
    {
        var result = KnowledgeLoader.Load(knowledgeDirectory);
        if (result.IsValid)
        {
            output.WriteLine($"validate: the knowledge in {Path.GetFullPath(knowledgeDirectory)} is valid: {result.Knowledge!.Passages.Count} passages from {result.Knowledge.Sources.Count} sources.");
            return;
        }

        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem);
        }
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }
}
