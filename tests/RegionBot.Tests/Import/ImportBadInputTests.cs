using System.Text;
using RegionBot.Tests.Support;
using RegionBot.Tests.TeamsPackage;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace RegionBot.Tests.Import;

/// <summary>
/// Each kind of bad input gets one clear line and a non-zero exit; nothing is written, and the knowledge the import
/// checked against is left exactly as it was.
/// </summary>
public sealed class ImportBadInputTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly KnowledgeCopy knowledge = new();

    public void Dispose()
    {
        folder.Dispose();
        knowledge.Dispose();
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Refused(folder.Write("new-article.txt", ""));

        Assert.Equal("new-article.txt: the file is empty", error);
    }

    [Fact]
    public void A_file_of_blank_lines_is_refused_as_empty()
    {
        var error = Refused(folder.Write("new-article.md", "\n\n   \n"));

        Assert.Equal("new-article.md: the file is empty", error);
    }

    [Theory]
    [InlineData("new-article.xlsx", "'.xlsx' files")]
    [InlineData("new-article.odt", "'.odt' files")]
    [InlineData("new-article", "a file without an extension")]
    public void A_file_in_an_unsupported_format_is_refused_naming_the_formats_that_work(string name, string what)
    {
        var error = Refused(folder.Write(name, "Some text that is not in a format import reads."));

        Assert.StartsWith($"{name}: cannot import {what}; supported are ", error, StringComparison.Ordinal);
        Assert.Contains(".html", error, StringComparison.Ordinal);
        Assert.Contains(".docx", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_pdf_without_a_text_layer_is_refused()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        var scan = TestPng.Create(120, 160, withAlpha: false, (x, y) => ((byte)(x * 2), (byte)(y % 256), 200, 255));
        page.AddPng(scan, new PdfRectangle(50, 50, 545, 792));
        var path = Path.Combine(folder.Path, "scanned-article.pdf");
        File.WriteAllBytes(path, builder.Build());

        var error = Refused(path);

        Assert.Equal("scanned-article.pdf: the PDF has no text layer, only images (a scanned document?); run it through OCR first, or import the article in another format", error);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused()
    {
        var error = Refused(folder.Write("new-article.pdf", "This was saved with the wrong extension."));

        Assert.StartsWith("new-article.pdf: not a readable PDF", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_no_article_body_is_refused()
    {
        var page = """
            <!DOCTYPE html>
            <html><head><title>Sign in | World News</title><meta property="og:site_name" content="World News"></head>
            <body>
              <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/magazine">Magazine</a></nav>
              <form action="/login"><label>Email <input name="email"></label> <label>Password <input type="password"></label><button>Sign in</button></form>
              <footer><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></footer>
            </body></html>
            """;

        var error = Refused(folder.Write("sign-in.html", page));

        Assert.StartsWith("sign-in.html: no article body found in the page", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_that_is_not_utf8_is_refused_with_its_line()
    {
        var path = Path.Combine(folder.Path, "new-article.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Central Asia reacts\n\nTajikistan’s answer was clear: no recognition.\n".Replace('’', '\'')).Concat(new byte[] { 0x93, 0x4E, 0x6F, 0x94, 0x0A }).ToArray());

        var error = Refused(path);

        Assert.Equal("new-article.txt:4: the file is not UTF-8 text; save it as UTF-8 and import it again", error);
    }

    [Fact]
    public void A_file_larger_than_any_article_is_refused_without_being_read()
    {
        var path = Path.Combine(folder.Path, "huge-article.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(RegionBot.Import.ArticleImporter.MaxFileBytes + 1);
        }

        var error = Refused(path);

        Assert.Equal("huge-article.txt: the file is larger than 50 MB, too large for an article", error);
    }

    [Fact]
    public void An_article_the_knowledge_format_cannot_hold_is_refused_with_the_validator_s_reason()
    {
        var error = Refused(folder.Write("hashtags.txt", "Campaigns online\n\n#StandWithHerders trended for a week across the region after the dry spring.\n\nOfficials did not comment.\n"));

        Assert.StartsWith("hashtags.txt: the draft does not pass validation, nothing was written: hashtags.md:", error, StringComparison.Ordinal);
        Assert.Contains("is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var error = Refused(Path.Combine(folder.Path, "not-there.txt"));

        Assert.EndsWith("not-there.txt: no such file", error, StringComparison.Ordinal);
    }

    /// <summary>Runs the import of one bad file and checks what every refusal has in common; returns its one line.</summary>
    private string Refused(string path)
    {
        var output = Path.Combine(folder.Path, "out");
        Directory.CreateDirectory(output);
        var before = ImportRun.Fingerprint(knowledge.KnowledgePath);

        var (exitCode, _, error) = ImportRun.Command([path], knowledge.KnowledgePath, output);
        var (exitCodeIntoKnowledge, _, _) = ImportRun.Command([path], knowledge.KnowledgePath);

        Assert.Equal(1, exitCode);
        Assert.Equal(1, exitCodeIntoKnowledge);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Equal(before, ImportRun.Fingerprint(knowledge.KnowledgePath));
        var lines = ImportRun.Lines(error);
        return Assert.Single(lines);
    }
}
