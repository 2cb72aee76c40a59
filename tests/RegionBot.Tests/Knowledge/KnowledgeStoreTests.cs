using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>The on-disk index is reused when the knowledge is unchanged, rebuilt otherwise, and reloads swap atomically.</summary>
public sealed class KnowledgeStoreTests : IDisposable
{
    private const string Question = "Did Tajikistan close the border crossing?";

    private readonly TempDirectory folder = new();
    private readonly string knowledge;
    private readonly SearchOptions options;

    public KnowledgeStoreTests()
    {
        knowledge = Path.Combine(folder.Path, "knowledge");
        folder.Write("knowledge/a.md", KnowledgeSamples.Valid);
        options = new SearchOptions { IndexPath = Path.Combine(folder.Path, "index") };
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void An_unchanged_knowledge_folder_reuses_the_stored_index()
    {
        string firstAnswer;
        using (var first = KnowledgeStore.Open(knowledge, options))
        {
            Assert.False(first.Status.IndexReused);
            Assert.StartsWith(options.IndexPath, first.Status.IndexFolder, StringComparison.Ordinal);
            firstAnswer = first.Search(Question).Hits[0].Passage.Text;
        }

        using var second = KnowledgeStore.Open(knowledge, options);

        Assert.True(second.Status.IndexReused);
        Assert.Equal(firstAnswer, second.Search(Question).Hits[0].Passage.Text);
    }

    [Fact]
    public void Changed_knowledge_is_indexed_again()
    {
        using (KnowledgeStore.Open(knowledge, options))
        {
        }

        Edit("closed the border crossing", "closed the frontier crossing");
        using var store = KnowledgeStore.Open(knowledge, options);

        Assert.False(store.Status.IndexReused);
        Assert.Contains("frontier", store.Search(Question).Hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void A_partial_or_corrupt_stored_index_is_rebuilt(string damage)
    {
        string indexFolder;
        using (var store = KnowledgeStore.Open(knowledge, options))
        {
            indexFolder = store.Status.IndexFolder;
        }

        foreach (var file in Directory.GetFiles(indexFolder))
        {
            switch (damage)
            {
                case "truncate":
                    File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]);
                    break;
                case "garbage":
                    File.WriteAllBytes(file, new byte[64]);
                    break;
                default:
                    File.Delete(file);
                    break;
            }
        }

        using var rebuilt = KnowledgeStore.Open(knowledge, options);

        Assert.False(rebuilt.Status.IndexReused);
        Assert.True(rebuilt.Search(Question).HasAnswer);
    }

    [Fact]
    public void An_interrupted_build_is_never_taken_for_an_index()
    {
        Directory.CreateDirectory(Path.Combine(options.IndexPath, "leftover.building-1"));
        File.WriteAllText(Path.Combine(options.IndexPath, "leftover.building-1", "segments_1"), "half");

        using var store = KnowledgeStore.Open(knowledge, options);

        Assert.True(store.Search(Question).HasAnswer);
    }

    [Fact]
    public void A_valid_edit_is_swapped_in_by_a_reload()
    {
        using var store = KnowledgeStore.Open(knowledge, options);
        var oldFolder = store.Status.IndexFolder;

        Edit("closed the border crossing", "closed the frontier crossing");
        var result = store.Reload();

        Assert.True(result.Changed);
        Assert.Empty(result.Problems);
        Assert.Contains("frontier", store.Search(Question).Hits[0].Passage.Text, StringComparison.Ordinal);
        Assert.NotEqual(oldFolder, store.Status.IndexFolder);
        Assert.False(Directory.Exists(oldFolder));
        Assert.False(store.Reload().Changed);
    }

    [Fact]
    public void A_malformed_edit_is_reported_and_the_old_knowledge_keeps_serving()
    {
        using var store = KnowledgeStore.Open(knowledge, options);

        Edit("kind: context\n", "kind: gossip\n");
        var result = store.Reload();

        Assert.False(result.Changed);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("a.md", 11), (problem.File, problem.Line));
        Assert.Equal(problem, Assert.Single(store.Status.LastError!.Problems));
        Assert.Equal("The government closed the border crossing.", store.Search(Question).Hits[0].Passage.Text);

        Edit("kind: gossip\n", "kind: context\n");
        store.Reload();

        Assert.Null(store.Status.LastError);
    }

    [Fact]
    public async Task Searches_during_reloads_never_fail_and_see_one_whole_version()
    {
        using var store = KnowledgeStore.Open(knowledge, options);
        var versions = new[] { "border crossing", "frontier crossing", "border post" };
        using var stop = new CancellationTokenSource();
        var errors = new List<string>();
        var searchers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested || count < 50)
            {
                var answer = store.Search(Question);
                var text = answer.Hits.FirstOrDefault()?.Passage.Text ?? "(no answer)";
                if (!versions.Any(v => text == $"The government closed the {v}."))
                {
                    lock (errors)
                    {
                        errors.Add(text);
                    }
                }

                count++;
            }

            return count;
        })).ToArray();

        for (var i = 1; i <= 9; i++)
        {
            Edit(versions[(i - 1) % 3], versions[i % 3]);
            Assert.True(store.Reload().Changed);
        }

        await stop.CancelAsync();
        var searched = (await Task.WhenAll(searchers)).Sum();

        Assert.Empty(errors);
        Assert.True(searched >= 200);
        Assert.Single(Directory.GetDirectories(options.IndexPath));
    }

    [Fact]
    public void An_oversized_attribute_is_refused_with_its_line_and_the_old_knowledge_keeps_serving()
    {
        using var store = KnowledgeStore.Open(knowledge, options);

        Edit("speaker: Emomali Rahmon", "speaker: " + new string('x', 40_000));
        var result = store.Reload();

        Assert.False(result.Changed);
        Assert.Contains(result.Problems, p => p.File == "a.md" && p.Line == 17 && p.Message.Contains("longer than", StringComparison.Ordinal));
        Assert.True(store.Search(Question).HasAnswer);
        Assert.DoesNotContain(Directory.GetDirectories(options.IndexPath), d => d.Contains(".building", StringComparison.Ordinal));
    }

    [Fact]
    public void Replaced_versions_are_deleted_even_when_the_index_path_ends_with_a_separator()
    {
        using var store = KnowledgeStore.Open(knowledge, new SearchOptions { IndexPath = options.IndexPath + Path.DirectorySeparatorChar });

        Edit("closed the border crossing", "closed the frontier crossing");
        store.Reload();
        Edit("closed the frontier crossing", "closed the border post");
        store.Reload();

        Assert.Equal([store.Status.IndexFolder], Directory.GetDirectories(options.IndexPath));
    }

    [Fact]
    public void Going_back_to_an_earlier_version_keeps_its_folder_while_it_serves()
    {
        using var store = KnowledgeStore.Open(knowledge, options);
        var first = store.Status.IndexFolder;

        Edit("closed the border crossing", "closed the frontier crossing");
        store.Reload();
        Edit("closed the frontier crossing", "closed the border crossing");
        store.Reload();

        Assert.Equal(first, store.Status.IndexFolder);
        Assert.True(Directory.Exists(first));
        Assert.Equal("The government closed the border crossing.", store.Search(Question).Hits[0].Passage.Text);
    }

    [Fact]
    public void A_disposed_store_refuses_to_reload_or_search()
    {
        var store = KnowledgeStore.Open(knowledge, options);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Reload());
        Assert.Throws<ObjectDisposedException>(() => store.Search(Question));
    }

    private void Edit(string find, string replace)
    {
        var file = Path.Combine(knowledge, "a.md");
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
