using System.Text;
using RegionBot.Import.Drafting;
using RegionBot.Import.Reading;
using RegionBot.Import.Structure;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;

namespace RegionBot.Import;

/// <summary>
/// Imports one article file: reads it in its format, structures it into a draft knowledge file, checks the draft
/// with the knowledge loader, and writes it (unless a dry run). Every refusal is an <see cref="ImportException"/>
/// thrown before anything is written; the file is written whole or not at all.
/// </summary>
public static class ArticleImporter
{
    /// <summary>Articles are a few hundred kilobytes at most; a larger file is not an article.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The share of a new article's paragraphs found word for word in another source that makes it that source.</summary>
    private const double DuplicateShare = 0.5;

    public static ImportOutcome Import(string path, string knowledgeDirectory, string outputDirectory, bool dryRun, CancellationToken cancellationToken)
    {
        var displayName = Path.GetFileName(path);
        var reader = ArticleFormats.ReaderFor(path, displayName);
        var sourceId = PassageIds.Slug(Path.GetFileNameWithoutExtension(path));
        if (sourceId.Length == 0)
        {
            throw new ImportException($"{displayName}: the file's name gives no source id; rename it to the id the article should have, such as 'publisher-topic{Path.GetExtension(path)}'");
        }

        var bytes = ReadBytes(path, displayName);
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ImportException($"{displayName}: the file is empty");
        }

        var document = reader.Read(displayName, bytes, cancellationToken);
        if (!document.Blocks.Any(b => b.Kind == ArticleBlockKind.Paragraph))
        {
            throw new ImportException($"{displayName}: the file holds no paragraphs of text");
        }

        var knowledge = KnowledgeLoader.Load(knowledgeDirectory).Knowledge;
        var knowledgePassages = knowledge?.Passages ?? [];
        var previous = knowledgePassages.Where(p => IsSameSource(p.Source, sourceId)).ToList();
        var others = knowledgePassages.Where(p => !IsSameSource(p.Source, sourceId)).ToList();
        var draft = ArticleStructurer.Structure(document, sourceId, displayName, others);
        RefuseDuplicate(displayName, draft, others, knowledgeDirectory, Path.GetExtension(path));
        draft = PassageIds.Assign(draft, others.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), previous.Select(p => (p.Id, p.Text)).ToList());

        var (text, review) = KnowledgeFileWriter.Write(draft);
        var draftPath = Path.Combine(outputDirectory, sourceId + ".md");
        var written = Validate(displayName, sourceId, text);
        var comparison = previous.Count == 0 ? null : ImportComparison.Compare(previous, written);
        if (!dryRun)
        {
            WriteWhole(draftPath, text);
        }

        return new ImportOutcome(draftPath, text, draft, review, comparison, draft.Passages.Count(p => p.IdKept), !dryRun);
    }

    private static bool IsSameSource(Source source, string sourceId) => string.Equals(source.Id, sourceId, StringComparison.Ordinal);

    private static byte[] ReadBytes(string path, string displayName)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ImportException($"{path}: no such file");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new ImportException($"{displayName}: the file is larger than {MaxFileBytes / (1024 * 1024)} MB, too large for an article");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"{displayName}: the file cannot be read: {ex.Message}");
        }
    }

    private static void RefuseDuplicate(string displayName, KnowledgeDraft draft, List<Passage> others, string knowledgeDirectory, string extension)
    {
        var texts = draft.Passages.Select(p => SingleSpaced(p.Text)).ToHashSet(StringComparer.Ordinal);
        foreach (var source in others.GroupBy(p => p.Source))
        {
            var shared = source.Count(p => texts.Contains(SingleSpaced(p.Text)));
            var sameUrl = draft.Metadata.Url is not null && string.Equals(draft.Metadata.Url, source.Key.Url, StringComparison.OrdinalIgnoreCase);
            if (sameUrl || (shared > 0 && shared >= texts.Count * DuplicateShare))
            {
                var file = Path.GetRelativePath(Path.GetFullPath(knowledgeDirectory), source.Key.FilePath);
                var why = sameUrl ? "the same address" : $"{shared} of its {texts.Count} paragraphs";
                throw new ImportException($"{displayName}: this article is already in the knowledge as {file} ({why}); to update that file, import it as {source.Key.Id}{extension}, or remove {file} first");
            }
        }
    }

    /// <summary>Text with every run of white space as one space: a PDF draws a no-break space as a space.</summary>
    private static string SingleSpaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Checks the draft with the same loader <c>validate</c> and the bot use, in a scratch folder of its own, and
    /// returns its passages as the loader reads them.
    /// </summary>
    private static IReadOnlyList<Passage> Validate(string displayName, string sourceId, string text)
    {
        var scratch = Directory.CreateTempSubdirectory("regionbot-import-");
        try
        {
            File.WriteAllText(Path.Combine(scratch.FullName, sourceId + ".md"), text, new UTF8Encoding(false));
            var result = KnowledgeLoader.Load(scratch.FullName);
            if (!result.IsValid)
            {
                throw new ImportException($"{displayName}: the draft does not pass validation, nothing was written: {string.Join("; ", result.Problems)}");
            }

            return result.Knowledge!.Passages;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Writes beside the target and moves over it, so a reader never sees half a file.</summary>
    private static void WriteWhole(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"{path}: cannot be written: {ex.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
