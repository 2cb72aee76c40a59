using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

public sealed class KnowledgeLoaderTests
{
    [Fact]
    public void Shipped_knowledge_is_valid_and_attributes_every_passage()
    {
        var result = KnowledgeLoader.Load(RepositoryRoot.Knowledge);

        Assert.Empty(result.Problems);
        var source = Assert.Single(result.Knowledge!.Sources);
        Assert.Equal("TRT World", source.Publisher);
        Assert.False(string.IsNullOrWhiteSpace(source.Title));
        Assert.Null(source.Date);
        Assert.Null(source.Url);
        Assert.Equal(28, result.Knowledge.Passages.Count);
        Assert.Equal(Countries.CentralAsia, result.Knowledge.CoveredCountries);
        Assert.All(result.Knowledge.Passages, p =>
        {
            Assert.True(Countries.IsKnown(p.Country));
            Assert.False(string.IsNullOrWhiteSpace(p.Section));
            Assert.False(string.IsNullOrWhiteSpace(p.Text));
            Assert.Equal(p.Kind == PassageKind.Statement, p.Speaker is not null && p.Role is not null);
        });
    }

    [Theory]
    [InlineData("trt-kz-5", "Kassym-Jomart Tokayev", "President of Kazakhstan")]
    [InlineData("trt-kz-8", "Akan Rakhmetullin", "Kazakhstan's Deputy Minister of Foreign Affairs")]
    [InlineData("trt-uz-2", "Shavkat Mirziyoyev", "President of Uzbekistan")]
    [InlineData("trt-tj-2", "Emomali Rahmon", "President of Tajikistan")]
    [InlineData("trt-kg-1", "Ruslan Kazakbaev", "Kyrgyzstan's Foreign Minister")]
    [InlineData("trt-tm-2", "Turkmenistan's Foreign Ministry", "Ministry of Foreign Affairs of Turkmenistan")]
    public void Statements_name_their_speaker_and_role(string id, string speaker, string role)
    {
        var passage = KnowledgeLoader.Load(RepositoryRoot.Knowledge).Knowledge!.Passages.Single(p => p.Id == id);

        Assert.Equal(PassageKind.Statement, passage.Kind);
        Assert.Equal(speaker, passage.Speaker);
        Assert.Equal(role, passage.Role);
    }

    [Fact]
    public void Content_hash_changes_with_the_files_and_only_with_them()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid);
        var first = KnowledgeLoader.Load(folder.Path).Knowledge!.ContentHash;
        var again = KnowledgeLoader.Load(folder.Path).Knowledge!.ContentHash;
        folder.Write("a.md", KnowledgeSamples.Valid.Replace("border", "frontier", StringComparison.Ordinal));
        var edited = KnowledgeLoader.Load(folder.Path).Knowledge!.ContentHash;

        Assert.Equal(first, again);
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void Paragraphs_wrapped_over_several_lines_are_one_passage()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid.Replace("closed the border crossing.", "closed the\nborder crossing.", StringComparison.Ordinal));

        var passage = KnowledgeLoader.Load(folder.Path).Knowledge!.Passages.Single(p => p.Id == "sample-1");

        Assert.Equal("The government closed the border crossing.", passage.Text);
    }
}
