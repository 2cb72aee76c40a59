using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace RegionBot.Knowledge.Indexing;

/// <summary>
/// Checks a stored index before it is trusted. Every file Lucene.Net 4.8 writes ends with a codec footer holding a
/// CRC-32 of the whole file, so reading each file once and comparing catches any changed byte and any truncation,
/// including damage that opening the index would not notice and that would only change answers (norms, positions).
/// </summary>
internal static class IndexIntegrity
{
    /// <summary>
    /// Verifies every file of <paramref name="commit"/>. This is the one "verify on adopt" step of Lucene's files.
    /// The passage vectors kept beside them (<c>passage-vectors.bin</c>) are verified when they are adopted too, by
    /// their own SHA-256 (<see cref="Semantic.SemanticIndex"/>), and rebuilt on their own, so that damaged vectors
    /// do not cost the index a rebuild.
    /// </summary>
    /// <exception cref="CorruptIndexException">A file's checksum does not match, or its footer is missing.</exception>
    /// <exception cref="IOException">A file cannot be read, or ends too early.</exception>
    public static void Verify(Directory directory, IndexCommit commit)
    {
        // segments.gen only points at the newest commit, and Lucene falls back to listing the folder when it is
        // damaged; it is checked all the same, because a damaged file says the folder's disk cannot be trusted.
        var files = commit.FileNames.ToHashSet(StringComparer.Ordinal);
        if (directory.ListAll().Contains(IndexFileNames.SEGMENTS_GEN, StringComparer.Ordinal))
        {
            files.Add(IndexFileNames.SEGMENTS_GEN);
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            VerifyChecksum(directory, file);
        }
    }

    /// <summary>Reads a whole file and compares it with the checksum in its codec footer.</summary>
    private static void VerifyChecksum(Directory directory, string file)
    {
        using var input = directory.OpenInput(file, IOContext.READ_ONCE);
        if (input.Length < CodecUtil.FooterLength())
        {
            throw new CorruptIndexException($"{file} is {input.Length} bytes long, shorter than its checksum footer");
        }

        CodecUtil.ChecksumEntireFile(input);
    }
}
