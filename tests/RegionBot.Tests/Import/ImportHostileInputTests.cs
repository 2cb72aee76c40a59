using System.Text;
using FsCheck;
using FsCheck.Xunit;
using RegionBot.Tests.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Import;

/// <summary>
/// Whatever a file holds, the import either makes a draft or says in one line why not; it never fails with an
/// exception. Arbitrary text (control characters, lone surrogates, markup, emoji, up to 100,000 characters) in
/// every text format, and arbitrary bytes as PDF and Word documents.
/// </summary>
public sealed class ImportHostileInputTests : IDisposable
{
    private static readonly string[] TextFormats = ["txt", "md", "html"];
    private static readonly string[] BinaryFormats = ["pdf", "docx"];

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Property(Arbitrary = [typeof(HostileInput)], MaxTest = 60)]
    public void Any_text_in_a_text_format_gets_a_draft_or_one_line(HostileText text, byte formatChoice, bool withArticle)
    {
        var format = TextFormats[formatChoice % TextFormats.Length];
        var content = withArticle ? $"A headline\n\nKazakh President Kassym-Jomart Tokayev said {text.Value} on Monday.\n\n{text.Value}" : text.Value;
        var path = Path.Combine(folder.Path, $"hostile-{Guid.NewGuid():N}.{format}");
        File.WriteAllText(path, content, new UTF8Encoding(false));

        AssertDraftOrOneLine(path);
    }

    [Property(MaxTest = 40)]
    public void Any_bytes_as_a_pdf_or_word_document_get_one_line(byte[] bytes, byte formatChoice, bool withSignature)
    {
        var format = BinaryFormats[formatChoice % BinaryFormats.Length];
        var signature = format == "pdf" ? "%PDF-1.7\n"u8.ToArray() : [0x50, 0x4B, 0x03, 0x04];
        var path = Path.Combine(folder.Path, $"hostile-{Guid.NewGuid():N}.{format}");
        File.WriteAllBytes(path, withSignature ? [.. signature, .. bytes] : bytes);

        AssertDraftOrOneLine(path);
    }

    private void AssertDraftOrOneLine(string path)
    {
        var knowledge = Directory.CreateDirectory(Path.Combine(folder.Path, "knowledge")).FullName;

        var (exitCode, output, error) = ImportRun.Command([path], knowledge, dryRun: true);

        Assert.True(exitCode is 0 or 1, $"exit {exitCode}");
        if (exitCode == 0)
        {
            Assert.Contains("(dry run, nothing written)", output, StringComparison.Ordinal);
        }
        else
        {
            var line = Assert.Single(ImportRun.Lines(error));
            Assert.StartsWith(Path.GetFileName(path), line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(knowledge));
    }
}
