using System.Text.RegularExpressions;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>
/// The TRT World article is transcribed faithfully: every sentence of the verbatim copy stands in exactly one
/// passage, in order, and the knowledge adds nothing to it.
/// </summary>
public sealed partial class ArticleCoverageTests
{
    private static readonly string ArticlePath = Path.Combine(RepositoryRoot.Path, "tests", "RegionBot.Tests", "Knowledge", "Data", "trt-world-central-asia-taliban.txt");

    private readonly IReadOnlyList<Passage> passages = KnowledgeLoader.Load(RepositoryRoot.Knowledge).Knowledge!.Passages
        .Where(p => p.Source.Id == "trt-world-central-asia-taliban")
        .ToArray();

    private readonly Article article = Article.Read(ArticlePath);

    [Fact]
    public void Every_paragraph_of_the_article_is_one_passage_in_order_and_nothing_is_added()
    {
        Assert.Equal(article.Paragraphs, passages.Select(p => Normalize(p.Text)));
    }

    [Fact]
    public void Every_sentence_of_the_article_is_in_exactly_one_passage()
    {
        var sentences = article.Paragraphs.SelectMany(Sentences).ToArray();

        Assert.True(sentences.Length > 30, "the article was not split into sentences");
        Assert.All(sentences, sentence => Assert.Single(passages, p => Normalize(p.Text).Contains(sentence, StringComparison.Ordinal)));
    }

    [Fact]
    public void Section_headings_and_publisher_are_the_articles_own()
    {
        Assert.Equal(article.Headings, passages.Select(p => p.Section).Where(s => s != "Overview").Distinct());
        Assert.Equal(article.Publisher, passages[0].Source.Publisher);
        Assert.All(passages.TakeWhile(p => p.Section == "Overview"), p => Assert.Equal(Countries.Region, p.Country));
        Assert.All(passages.Where(p => p.Section != "Overview"), p => Assert.StartsWith(p.Country + ":", p.Section, StringComparison.Ordinal));
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static IEnumerable<string> Sentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.?!][""”’']?)\s+(?=[""“‘']?[A-Z])")]
    private static partial Regex SentenceEnd();

    /// <summary>The verbatim article: section headings are the short lines naming a country, the last line its source.</summary>
    private sealed record Article(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Headings, string Publisher)
    {
        public static Article Read(string path)
        {
            var blocks = Regex.Split(File.ReadAllText(path), @"\n\s*\n").Select(Normalize).Where(b => b.Length > 0).ToList();
            var publisher = blocks[^1].StartsWith("Source: ", StringComparison.Ordinal) ? blocks[^1]["Source: ".Length..] : throw new InvalidDataException("no source line");
            blocks.RemoveAt(blocks.Count - 1);
            var headings = blocks.Where(b => Countries.CentralAsia.Any(c => b.StartsWith(c + ":", StringComparison.Ordinal))).ToArray();
            return new Article(blocks.Except(headings).ToArray(), headings, publisher);
        }
    }
}
