using RegionBot.Knowledge.Loading;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Import;

/// <summary>The import command as its user meets it: review output, dry runs, re-imports, duplicates and folders.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly KnowledgeCopy knowledge = new();

    public void Dispose()
    {
        folder.Dispose();
        knowledge.Dispose();
    }

    public static TheoryData<string> Formats() => new(ArticleFixtures.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_dry_run_of_the_seed_in_any_format_prints_how_it_compares_with_the_reviewed_file_and_writes_nothing(string format)
    {
        var path = ArticleFixtures.Seed.WriteTo(folder.Path, format);
        var before = ImportRun.Fingerprint(knowledge.KnowledgePath);

        var (exitCode, output, error) = ImportRun.Command([path], knowledge.KnowledgePath, dryRun: true);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("(dry run, nothing written): 28 passages in 6 sections, 18 statements.", output, StringComparison.Ordinal);
        Assert.Contains("Kept 28 of 28 passage ids from the file it replaces.", output, StringComparison.Ordinal);
        Assert.Matches(@"Compared with the reviewed .*trt-world-central-asia-taliban\.md: passages identical and in order 28/28.*, sections \(heading and country\) 6/6, kind 2[6-8]/28, speaker 1[7-8]/18 statements", output);
        Assert.Equal(before, ImportRun.Fingerprint(knowledge.KnowledgePath));
    }

    [Fact]
    public void The_review_names_each_guess_by_the_line_of_the_written_file_it_concerns()
    {
        var path = ArticleFixtures.Invented.WriteTo(folder.Path, "html");

        var (exitCode, output, _) = ImportRun.Command([path], knowledge.KnowledgePath);

        Assert.Equal(0, exitCode);
        var written = knowledge.FilePath("kyzyl-tash-water-talks.md");
        var lines = File.ReadAllLines(written);
        var review = ImportRun.Lines(output).Where(l => l.Contains("kyzyl-tash-water-talks.md:", StringComparison.Ordinal)).ToList();
        var statement = review.Single(l => l.Contains("statement: speaker Firuza Sharifzoda, role Tajikistan's Energy Minister (read from 'the Tajik minister')", StringComparison.Ordinal));
        var statementLine = LineNumber(statement);
        Assert.StartsWith("### ", lines[statementLine - 1], StringComparison.Ordinal);
        Assert.Equal("speaker: Firuza Sharifzoda", lines[statementLine + 1]);
        var section = review.Single(l => l.Contains("section 'Kyrgyzstan: upstream dams': country Kyrgyzstan (named in the heading)", StringComparison.Ordinal));
        Assert.Equal("## Kyrgyzstan: upstream dams", lines[LineNumber(section) - 1]);
        Assert.Contains(review, l => l.Contains("section 'Overview': country Region", StringComparison.Ordinal));
        Assert.Contains(review, l => l.Contains("title from JSON-LD NewsArticle headline", StringComparison.Ordinal));
        Assert.Contains("validate: the knowledge in", output, StringComparison.Ordinal);
        Assert.Contains("is valid: 39 passages from 2 sources.", output, StringComparison.Ordinal);
        Assert.True(KnowledgeLoader.Load(knowledge.KnowledgePath).IsValid);
    }

    [Fact]
    public void A_dry_run_prints_the_review_and_the_draft_and_writes_nothing()
    {
        var path = ArticleFixtures.Invented.WriteTo(folder.Path, "txt");
        var before = ImportRun.Fingerprint(knowledge.KnowledgePath);

        var (exitCode, output, _) = ImportRun.Command([path], knowledge.KnowledgePath, dryRun: true);

        Assert.Equal(0, exitCode);
        Assert.Contains("(dry run, nothing written): 11 passages in 4 sections, 7 statements.", output, StringComparison.Ordinal);
        Assert.Contains("title from the article's first line", output, StringComparison.Ordinal);
        Assert.Contains("speaker: Bekzod Normatov", output, StringComparison.Ordinal);
        Assert.Contains("### kyzyl-tash-water-talks-tajikistan-3", output, StringComparison.Ordinal);
        Assert.Equal(before, ImportRun.Fingerprint(knowledge.KnowledgePath));
    }

    [Fact]
    public void Re_importing_an_article_keeps_the_ids_of_its_unchanged_and_lightly_edited_paragraphs()
    {
        var original = File.ReadAllText(ArticleFixtures.Seed.TextPath);
        var edited = original
            .Replace("Kazakhstan had signalled that the country's main priority", "Kazakhstan had signalled that the country's first priority", StringComparison.Ordinal)
            .Replace("Uzbekistan: maintaining dialogue", "A paragraph the article gained since it was first imported.\n\nUzbekistan: maintaining dialogue", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        var path = Path.Combine(folder.Path, ArticleFixtures.SeedId + ".txt");
        File.WriteAllText(path, edited);
        var before = KnowledgeLoader.Load(knowledge.KnowledgePath).Knowledge!.Passages.Select(p => p.Id).ToList();

        var (exitCode, output, error) = ImportRun.Command([path], knowledge.KnowledgePath);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Kept 28 of 29 passage ids from the file it replaces.", output, StringComparison.Ordinal);
        var after = KnowledgeLoader.Load(knowledge.KnowledgePath);
        Assert.True(after.IsValid, string.Join("\n", after.Problems));
        var passages = after.Knowledge!.Passages;
        Assert.Equal(29, passages.Count);
        Assert.Equal(before, passages.Select(p => p.Id).Where(before.Contains).ToList());
        Assert.Equal("trt-kz-1", passages.Single(p => p.Text.Contains("first priority", StringComparison.Ordinal)).Id);
        Assert.Equal("trt-world-central-asia-taliban-kazakhstan-9", passages.Single(p => p.Text.StartsWith("A paragraph the article gained", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public void An_article_already_in_the_knowledge_under_another_name_is_refused_naming_the_existing_file()
    {
        var path = ArticleFixtures.Seed.WriteTo(folder.Path, "pdf", name: "central-asia-reacts");
        var before = ImportRun.Fingerprint(knowledge.KnowledgePath);

        var (exitCode, output, error) = ImportRun.Command([path], knowledge.KnowledgePath);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "central-asia-reacts.pdf: this article is already in the knowledge as trt-world-central-asia-taliban.md (28 of its 28 paragraphs); to update that file, import it as trt-world-central-asia-taliban.pdf, or remove trt-world-central-asia-taliban.md first",
            Assert.Single(ImportRun.Lines(error)));
        Assert.DoesNotContain("written", output, StringComparison.Ordinal);
        Assert.Equal(before, ImportRun.Fingerprint(knowledge.KnowledgePath));
    }

    [Fact]
    public void A_folder_is_imported_file_by_file_with_progress_and_a_bad_file_does_not_stop_the_others()
    {
        var articles = Directory.CreateDirectory(Path.Combine(folder.Path, "articles")).FullName;
        ArticleFixtures.Invented.WriteTo(articles, "docx");
        ArticleFixtures.Seed.WriteTo(articles, "html");
        File.WriteAllText(Path.Combine(articles, "broken.txt"), "");
        File.WriteAllText(Path.Combine(articles, "notes.xlsx"), "not an article");
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "knowledge")).FullName;
        var output = Path.Combine(folder.Path, "drafts");

        var (exitCode, stdout, error) = ImportRun.Command([articles], empty, output);

        Assert.Equal(1, exitCode);
        var lines = ImportRun.Lines(stdout);
        Assert.Contains("Skipping notes.xlsx: not a format import reads (.html, .htm, .txt, .md, .markdown, .pdf, .docx).", lines);
        Assert.Equal(["[1/3] broken.txt", "[2/3] kyzyl-tash-water-talks.docx", "[3/3] trt-world-central-asia-taliban.html"], lines.Where(l => l.StartsWith('[')).ToArray());
        Assert.Equal("broken.txt: the file is empty", Assert.Single(ImportRun.Lines(error)));
        var drafts = KnowledgeLoader.Load(output);
        Assert.True(drafts.IsValid, string.Join("\n", drafts.Problems));
        Assert.Equal(["kyzyl-tash-water-talks", "trt-world-central-asia-taliban"], drafts.Knowledge!.Sources.Select(s => s.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(39, drafts.Knowledge.Passages.Count);
        Assert.Empty(Directory.GetFiles(empty));
    }

    [Fact]
    public void Speakers_the_knowledge_already_knows_are_recognised_by_surname_in_a_new_article()
    {
        var path = folder.Write("tajik-border-update.txt", """
            Tajikistan: border update

            Rahmon said the border posts built with Russian help would open in the spring.

            The posts stand along the river crossing near the Afghan border.
            """);

        var (exitCode, output, error) = ImportRun.Command([path], knowledge.KnowledgePath, dryRun: true);

        Assert.True(exitCode == 0, error);
        Assert.Contains("statement: speaker Emomali Rahmon, role President of Tajikistan (read from 'Rahmon')", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_whose_heading_names_a_known_leader_takes_the_leader_s_country()
    {
        var path = folder.Write("leaders-speak.txt", """
            Leaders speak

            Tokayev under pressure

            The president met his security council on Monday to discuss the northern border.

            Officials in the capital did not comment on the meeting.
            """);

        var (exitCode, output, error) = ImportRun.Command([path], knowledge.KnowledgePath, dryRun: true);

        Assert.True(exitCode == 0, error);
        Assert.Contains("section 'Tokayev under pressure': country Kazakhstan (named in the heading)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_is_reachable_from_the_command_line()
    {
        var path = ArticleFixtures.Invented.WriteTo(folder.Path, "md");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = RegionBot.Commands.CommandLine.TryRun(["import", path, "--dry-run", "--knowledge", knowledge.KnowledgePath], stdout, stderr);

        Assert.Equal(0, exitCode);
        Assert.Contains("kyzyl-tash-water-talks.md (dry run, nothing written): 11 passages in 4 sections, 7 statements.", stdout.ToString(), StringComparison.Ordinal);
    }

    private static int LineNumber(string reviewLine)
    {
        var afterFile = reviewLine[(reviewLine.IndexOf(".md:", StringComparison.Ordinal) + 4)..];
        return int.Parse(afterFile[..afterFile.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
