using RegionBot.Benchmarks.Synthetic;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Benchmarks.Synthetic;

/// <summary>
/// The synthetic knowledge the benchmarks measure must be reproducible (or figures from two runs are not comparable)
/// and must be knowledge the real loader accepts (or the benchmarks measure an error path).
/// </summary>
public sealed class SyntheticKnowledgeTests
{
    private static readonly SyntheticKnowledgeSpec Spec = new(Passages: 1200, PassagesPerFile: 500, Seed: 7);

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var other = new TempDirectory();

        var firstFiles = SyntheticKnowledge.Write(first.Path, Spec, SyntheticKnowledge.DefaultVocabulary(Spec.Seed));
        var secondFiles = SyntheticKnowledge.Write(second.Path, Spec, SyntheticKnowledge.DefaultVocabulary(Spec.Seed));
        var otherFiles = SyntheticKnowledge.Write(other.Path, Spec with { Seed = 8 }, SyntheticKnowledge.DefaultVocabulary(8));

        Assert.Equal(3, firstFiles.Count);
        Assert.Equal(firstFiles.Select(Path.GetFileName), secondFiles.Select(Path.GetFileName));
        for (var i = 0; i < firstFiles.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(firstFiles[i]), File.ReadAllBytes(secondFiles[i]));
            Assert.NotEqual(File.ReadAllBytes(firstFiles[i]), File.ReadAllBytes(otherFiles[i]));
        }
    }

    [Fact]
    public void The_generated_knowledge_loads_without_problems_and_looks_like_the_real_passages()
    {
        using var folder = new TempDirectory();
        SyntheticKnowledge.Write(folder.Path, Spec, SyntheticKnowledge.DefaultVocabulary(Spec.Seed));

        var result = KnowledgeLoader.Load(folder.Path);

        Assert.Empty(result.Problems);
        var knowledge = result.Knowledge!;
        Assert.Equal(Spec.Passages, knowledge.Passages.Count);
        Assert.Equal(Spec.Files, knowledge.Sources.Count);
        Assert.Equal(Countries.CentralAsia.Order(StringComparer.Ordinal), knowledge.CoveredCountries);
        Assert.Contains(knowledge.Passages, p => string.Equals(p.Country, Countries.Region, StringComparison.Ordinal));
        Assert.All(knowledge.Passages, p => Assert.InRange(p.Text.Split(' ').Length, 15, 70));
        var statements = knowledge.Passages.Where(p => p.Kind == PassageKind.Statement).ToList();
        Assert.InRange(statements.Count, Spec.Passages / 5, Spec.Passages / 2);
        Assert.All(statements, p => Assert.False(string.IsNullOrWhiteSpace(p.Speaker) || string.IsNullOrWhiteSpace(p.Role)));
        Assert.True(knowledge.Passages.Select(p => p.Section).Distinct(StringComparer.Ordinal).Count() > 20);
    }

    [Fact]
    public void The_search_answers_over_generated_knowledge_with_passages_it_holds()
    {
        using var folder = new TempDirectory();
        using var indexes = new TempDirectory();
        SyntheticKnowledge.Write(folder.Path, Spec, SyntheticKnowledge.DefaultVocabulary(Spec.Seed));
        using var store = KnowledgeStore.Open(folder.Path, new SearchOptions { IndexPath = indexes.Path });

        var answer = store.Search("What did Uzbekistan say about border security and the Taliban?");

        Assert.Equal(Spec.Passages, store.Status.Passages);
        Assert.All(answer.Hits, hit => Assert.StartsWith("syn-", hit.Passage.Id, StringComparison.Ordinal));
    }
}
