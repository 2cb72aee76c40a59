using System.Security.Cryptography;
using System.Text;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Loading;

/// <summary>The outcome of reading a knowledge folder: the knowledge when it is valid, and every problem found.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Knowledge is not null;
}

/// <summary>Reads every knowledge file of a folder and checks it as a whole (for example, ids unique across files).</summary>
public static class KnowledgeLoader
{
    /// <summary>The pattern knowledge files match; other files in the folder (notes, images) are ignored.</summary>
    public const string FilePattern = "*.md";

    public static KnowledgeLoadResult Load(string directory)
    {
        var problems = new List<KnowledgeProblem>();
        var fullDirectory = Path.GetFullPath(directory);
        if (!Directory.Exists(fullDirectory))
        {
            problems.Add(new KnowledgeProblem(fullDirectory, 0, "the knowledge folder does not exist"));
            return new KnowledgeLoadResult(null, problems);
        }

        var files = Directory.GetFiles(fullDirectory, FilePattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            problems.Add(new KnowledgeProblem(fullDirectory, 0, $"the knowledge folder holds no knowledge files ({FilePattern})"));
            return new KnowledgeLoadResult(null, problems);
        }

        var sources = new List<Source>();
        var passages = new List<Passage>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var displayName = Path.GetRelativePath(fullDirectory, file).Replace('\\', '/');
            var bytes = TryRead(file, displayName, problems);
            if (bytes is null)
            {
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(displayName + "\n"));
            hash.AppendData(bytes);
            var text = TryDecode(bytes, displayName, problems);
            if (text is null)
            {
                continue;
            }

            var lines = text.ReplaceLineEndings("\n").Split('\n');
            var problemsBefore = problems.Count;
            var (source, filePassages) = KnowledgeFileParser.Parse(displayName, file, lines, problems);
            if (source is not null)
            {
                sources.Add(source);
                passages.AddRange(filePassages);
                if (filePassages.Count == 0 && problems.Count == problemsBefore)
                {
                    problems.Add(new KnowledgeProblem(displayName, 0, "the file has no passages"));
                }
            }
        }

        ReportDuplicateIds(sources, passages, fullDirectory, problems);
        var knowledge = new KnowledgeBase(sources, passages, Convert.ToHexString(hash.GetHashAndReset()));
        return new KnowledgeLoadResult(knowledge, problems);
    }

    private static byte[]? TryRead(string file, string displayName, List<KnowledgeProblem> problems)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new KnowledgeProblem(displayName, 0, $"the file cannot be read: {ex.Message}"));
            return null;
        }
    }

    private static string? TryDecode(byte[] bytes, string displayName, List<KnowledgeProblem> problems)
    {
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        var line = 1;
        for (var offset = start; offset < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                problems.Add(new KnowledgeProblem(displayName, line, "the file is not valid UTF-8 text; save it as UTF-8"));
                return null;
            }

            line += rune.Value == '\n' ? 1 : 0;
            offset += consumed;
        }

        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    private static void ReportDuplicateIds(List<Source> sources, List<Passage> passages, string directory, List<KnowledgeProblem> problems)
    {
        foreach (var group in sources.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = string.Join(", ", group.Select(s => Path.GetRelativePath(directory, s.FilePath)));
            problems.Add(new KnowledgeProblem(Path.GetRelativePath(directory, group.Last().FilePath), 1, $"duplicate source id '{group.Key}' (also in {files})"));
        }

        foreach (var group in passages.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            var firstPlace = $"{Path.GetRelativePath(directory, first.Source.FilePath)}:{first.Line}";
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(new KnowledgeProblem(Path.GetRelativePath(directory, duplicate.Source.FilePath), duplicate.Line, $"duplicate passage id '{group.Key}' (first used at {firstPlace})"));
            }
        }
    }
}
