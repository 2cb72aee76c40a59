using System.Text;
using RegionBot.Knowledge.Loading;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>Every kind of malformed knowledge is reported with its file and line, and nothing half-valid is served.</summary>
public sealed class KnowledgeValidationTests
{
    [Theory]
    [InlineData("title: A sample article\n", "", 4, "'title' is missing")]
    [InlineData("publisher: Sample Wire\n", "publisher: Sample Wire\nsubtitle: nope\n", 4, "unknown key 'subtitle'")]
    [InlineData("publisher: Sample Wire\n", "publisher Sample Wire\n", 3, "expected 'key: value'")]
    [InlineData("---\n\n## Tajikistan", "\n## Tajikistan", 1, "never closed")]
    [InlineData("country: Tajikistan\n", "", 7, "has no country")]
    [InlineData("country: Tajikistan\n", "country: Mongolia\n", 8, "unknown country 'Mongolia'")]
    [InlineData("kind: context\n", "kind: rumour\n", 11, "unknown kind 'rumour'")]
    [InlineData("kind: context\n", "", 10, "has no kind")]
    [InlineData("speaker: Emomali Rahmon\n", "", 15, "has no speaker")]
    [InlineData("role: President of Tajikistan\n", "", 15, "has no role")]
    [InlineData("The government closed the border crossing.\n", "", 10, "is empty")]
    [InlineData("### sample-2", "### sample-1", 15, "duplicate passage id 'sample-1' (first used at a.md:10)")]
    [InlineData("### sample-2", "### Sample 2", 15, "must be lower-case letters")]
    [InlineData("The government closed the border crossing.\n", "The government closed the border crossing.\n\nA second paragraph.\n", 15, "second paragraph")]
    public void Malformed_knowledge_is_reported_with_file_and_line(string find, string replace, int line, string message)
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid.Replace(find, replace, StringComparison.Ordinal));

        var result = KnowledgeLoader.Load(folder.Path);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.File == "a.md" && p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_without_front_matter_is_reported_on_its_first_line()
    {
        using var folder = new TempDirectory();
        folder.Write("notes.md", "Just some notes\n");

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Path).Problems);

        Assert.Equal("notes.md:1: the file must start with a front-matter header: a '---' line, 'key: value' lines, and a closing '---' line", problem.ToString());
    }

    [Fact]
    public void A_passage_id_used_in_two_files_is_reported_in_the_second()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid);
        folder.Write("b.md", KnowledgeSamples.Valid.Replace("id: sample-source", "id: other-source", StringComparison.Ordinal).Replace("### sample-2", "### sample-3", StringComparison.Ordinal));

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Path).Problems);

        Assert.Equal("b.md", problem.File);
        Assert.Equal(10, problem.Line);
        Assert.Contains("duplicate passage id 'sample-1' (first used at a.md:10)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_with_the_line_of_the_bad_bytes()
    {
        using var folder = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes(KnowledgeSamples.Valid).ToList();
        var at = Encoding.UTF8.GetByteCount(KnowledgeSamples.Valid[..KnowledgeSamples.Valid.IndexOf("The government", StringComparison.Ordinal)]);
        bytes.Insert(at, 0xFF);
        File.WriteAllBytes(Path.Combine(folder.Path, "a.md"), bytes.ToArray());

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Path).Problems);

        Assert.Equal("a.md:13: the file is not valid UTF-8 text; save it as UTF-8", problem.ToString());
    }

    [Fact]
    public void An_unreadable_file_is_reported_by_name()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "broken.md"), Path.Combine(folder.Path, "missing-target.md"));

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Path).Problems);

        Assert.Equal("broken.md", problem.File);
        Assert.Contains("cannot be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_reported()
    {
        using var folder = new TempDirectory();

        Assert.Contains("holds no knowledge files", Assert.Single(KnowledgeLoader.Load(folder.Path).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Single(KnowledgeLoader.Load(Path.Combine(folder.Path, "nope")).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_not_just_the_first()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid
            .Replace("kind: context\n", "kind: gossip\n", StringComparison.Ordinal)
            .Replace("speaker: Emomali Rahmon\n", "", StringComparison.Ordinal));

        var problems = KnowledgeLoader.Load(folder.Path).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Equal([11, 15], problems.Select(p => p.Line).Order());
    }
}
