using RegionBot.Import;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Tests.Support;
using Xunit.Abstractions;

namespace RegionBot.Tests.Import;

/// <summary>
/// The import measured against hand-made knowledge files: the seed article in every format, and an invented article
/// about a made-up valley. The import runs against knowledge that does not hold the article, so no speaker is
/// known in advance: everything is read from the article itself.
/// </summary>
public sealed class ImportAccuracyTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> Formats() => new(ArticleFixtures.Formats);

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_seed_article_is_imported_from_every_format_with_its_passages_sections_kinds_and_speakers(string format)
    {
        var comparison = ImportAndCompare(ArticleFixtures.Seed, format);

        Assert.Equal(28, comparison.ReferencePassages);
        Assert.Equal(28, comparison.IdenticalPassages);
        Assert.Equal(comparison.ReferenceSections, comparison.CorrectSections);
        Assert.True(comparison.CorrectKinds >= 26, $"kind {comparison.CorrectKinds}/28");
        Assert.True(comparison.SpeakerShare >= 0.9, $"speaker {comparison.CorrectSpeakers}/{comparison.ReferenceStatements}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_invented_article_about_a_made_up_valley_is_imported_as_well(string format)
    {
        var comparison = ImportAndCompare(ArticleFixtures.Invented, format);

        Assert.Equal(comparison.ReferencePassages, comparison.IdenticalPassages);
        Assert.Equal(comparison.ReferenceSections, comparison.CorrectSections);
        Assert.True(comparison.CorrectKinds >= comparison.ReferencePassages - 1, $"kind {comparison.CorrectKinds}/{comparison.ReferencePassages}");
        Assert.True(comparison.SpeakerShare >= 0.9, $"speaker {comparison.CorrectSpeakers}/{comparison.ReferenceStatements}");
    }

    [Fact]
    public void The_pdf_fixture_really_hyphenates_words_across_line_ends()
    {
        var fixture = ArticleFixtures.Seed;
        fixture.WriteTo(folder.Path, "pdf");

        Assert.True(fixture.HyphenatedLineEnds >= 10, $"{fixture.HyphenatedLineEnds} words hyphenated");
        Assert.True(fixture.CompoundLineEnds >= 1, $"{fixture.CompoundLineEnds} breaks at a word's own hyphen");
    }

    [Fact]
    public void A_saved_page_gives_title_publisher_date_and_address_from_its_metadata_and_none_of_its_chrome()
    {
        var path = ArticleFixtures.Seed.WriteTo(folder.Path, "html");
        var outcome = ArticleImporter.Import(path, EmptyKnowledge(), Path.Combine(folder.Path, "out"), dryRun: false, CancellationToken.None);
        var source = LoadWritten().Sources.Single();

        Assert.Equal("All eyes are on Central Asia", source.Title);
        Assert.Equal("TRT World", source.Publisher);
        Assert.Equal("2021-08-27", source.Date);
        Assert.Equal("https://news.example.test/magazine/all-eyes-on-central-asia-49531", source.Url);
        foreach (var chrome in new[] { "Advertisement", "Read more", "Reuters", "AA Archive", "Most read", "Related stories", "cookies", "All rights reserved", "Newsletter" })
        {
            Assert.DoesNotContain(chrome, outcome.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_json_ld_a_page_s_open_graph_tags_and_canonical_link_give_its_metadata()
    {
        var page = """
            <!DOCTYPE html>
            <html><head>
              <meta property="og:site_name" content="Steppe Review">
              <meta property="og:title" content="Herders count the cost of a dry spring | Steppe Review">
              <meta property="article:published_time" content="2024-05-02T06:30:00Z">
              <link rel="canonical" href="https://steppe-review.example.test/herders-dry-spring">
            </head><body>
              <nav><a href="/">Home</a> <a href="/news">News</a></nav>
              <article>
                <h1>Herders count the cost of a dry spring</h1>
                <p>Herders in the foothills say the spring rains came three weeks late this year, and the grass is thin.</p>
                <p>Many families have sold part of their flocks early to buy feed for the animals they keep through summer.</p>
                <p>Local officials expect the autumn market to be crowded, with prices lower than in any year since the drought.</p>
              </article>
              <footer>© Steppe Review</footer>
            </body></html>
            """;
        var path = folder.Write("herders-dry-spring.html", page);

        ArticleImporter.Import(path, EmptyKnowledge(), Path.Combine(folder.Path, "out"), dryRun: false, CancellationToken.None);

        var source = LoadWritten().Sources.Single();
        Assert.Equal("Herders count the cost of a dry spring", source.Title);
        Assert.Equal("Steppe Review", source.Publisher);
        Assert.Equal("2024-05-02", source.Date);
        Assert.Equal("https://steppe-review.example.test/herders-dry-spring", source.Url);
        Assert.Equal(3, LoadWritten().Passages.Count);
    }

    private ImportComparison ImportAndCompare(ArticleFixtures fixture, string format)
    {
        var path = fixture.WriteTo(folder.Path, format);
        var outcome = ArticleImporter.Import(path, EmptyKnowledge(), Path.Combine(folder.Path, "out"), dryRun: false, CancellationToken.None);
        var imported = LoadWritten().Passages;
        var comparison = ImportComparison.Compare(fixture.Reference, imported);
        log.WriteLine($"{format}: {comparison.Summary()}");
        foreach (var difference in comparison.Differences)
        {
            log.WriteLine("  " + difference);
        }

        Assert.True(outcome.Written);
        return comparison;
    }

    private string EmptyKnowledge() => Directory.CreateDirectory(Path.Combine(folder.Path, "knowledge")).FullName;

    private KnowledgeBase LoadWritten()
    {
        var result = KnowledgeLoader.Load(Path.Combine(folder.Path, "out"));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Knowledge!;
    }
}
