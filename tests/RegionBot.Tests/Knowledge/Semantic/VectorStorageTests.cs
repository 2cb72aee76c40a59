using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>
/// Passage vectors live in the index folder: computed once, reused on restart, re-embedded only for what changed,
/// and rebuilt when the file is missing or damaged.
/// </summary>
public sealed class VectorStorageTests : IDisposable
{
    private const string Paraphrase = "Did Kazakhstan's leader and the Kremlin chief talk about buying weapons?";

    private readonly KnowledgeCopy copy = new();
    private readonly SearchOptions options;

    public VectorStorageTests()
    {
        File.WriteAllText(copy.FilePath("sample.md"), KnowledgeSamples.Valid);
        options = new SearchOptions { KnowledgePath = copy.KnowledgePath, IndexPath = copy.IndexPath };
    }

    public void Dispose() => copy.Dispose();

    [Fact]
    public async Task Vectors_are_stored_in_the_index_folder_and_reused_on_restart()
    {
        var first = new GatedEmbedder();
        string folder;
        using (var store = await OpenReady(first))
        {
            folder = store.Status.IndexFolder;
            Assert.Equal(0, store.Status.Semantic.Reused);
            Assert.Equal(store.Status.Passages, first.Embedded);
        }

        var file = Path.Combine(folder, VectorFile.FileName);
        var stored = VectorFile.TryRead(file);
        Assert.NotNull(stored);

        // Stored as 8-bit values with a scale each: less than a third of what float vectors would take.
        Assert.True(new FileInfo(file).Length < stored.Ids.Length * stored.Dimensions * sizeof(float) / 3, $"{new FileInfo(file).Length} bytes");
        var second = new GatedEmbedder();
        using var reopened = await OpenReady(second);

        Assert.Equal(0, second.Embedded);
        var reread = VectorFile.TryRead(file)!;
        Assert.All(Enumerable.Range(0, stored.Ids.Length), row =>
        {
            Assert.True(stored.Vectors.Row(row).SequenceEqual(reread.Vectors.Row(row)));
            Assert.Equal(stored.Vectors.Scale(row), reread.Vectors.Scale(row));
        });
        Assert.Equal(reopened.Status.Passages, reopened.Status.Semantic.Reused);
        Assert.Equal("trt-kz-6", reopened.Search(Paraphrase).Hits[0].Passage.Id);
    }

    [Fact]
    public async Task Reopening_with_stored_vectors_does_not_load_the_model_until_warmed_up_or_searched()
    {
        using (await OpenReady(new GatedEmbedder()))
        {
        }

        using var model = MiniLmEmbedder.Create(1);
        using var store = KnowledgeStore.Open(copy.KnowledgePath, options, null, new SemanticOptions(), model);

        Assert.True(store.Status.Semantic.Ready);
        Assert.False(model.IsLoaded);

        store.WarmUp();

        Assert.True(model.IsLoaded);
        Assert.Equal("trt-kz-6", store.Search(Paraphrase).Hits[0].Passage.Id);
    }

    [Fact]
    public async Task A_changed_source_re_embeds_only_its_own_passages_at_restart()
    {
        using (await OpenReady(new GatedEmbedder()))
        {
        }

        Edit("closed the border crossing", "closed the frontier crossing");
        var embedder = new GatedEmbedder();
        using var store = await OpenReady(embedder);

        Assert.Equal(1, embedder.Embedded);
        Assert.Equal(store.Status.Passages - 1, store.Status.Semantic.Reused);
        Assert.True(store.Status.Semantic.Ready);
    }

    [Fact]
    public async Task A_reload_re_embeds_only_the_changed_passages_before_the_swap()
    {
        var embedder = new GatedEmbedder();
        using var store = await OpenReady(embedder);
        var before = embedder.Embedded;

        Edit("closed the border crossing", "closed the frontier crossing");
        var result = store.Reload();

        Assert.True(result.Changed);
        Assert.Equal(before + 1, embedder.Embedded);
        Assert.True(store.Status.Semantic.Ready);
        Assert.Equal(store.Status.Passages - 1, store.Status.Semantic.Reused);
    }

    [Fact]
    public async Task A_missing_vector_file_is_rebuilt()
    {
        string file;
        using (var store = await OpenReady(new GatedEmbedder()))
        {
            file = Path.Combine(store.Status.IndexFolder, VectorFile.FileName);
        }

        File.Delete(file);
        var embedder = new GatedEmbedder();
        using var rebuilt = await OpenReady(embedder);

        Assert.Equal(rebuilt.Status.Passages, embedder.Embedded);
        Assert.True(File.Exists(file));
        Assert.Equal("trt-kz-6", rebuilt.Search(Paraphrase).Hits[0].Passage.Id);
    }

    [Fact]
    public async Task A_vector_file_of_the_older_float_format_is_rebuilt_not_misread()
    {
        string file;
        using (var store = await OpenReady(new GatedEmbedder()))
        {
            file = Path.Combine(store.Status.IndexFolder, VectorFile.FileName);
        }

        // The same vectors, ids and hashes as format 1 wrote them: floats, no scale, a valid checksum.
        var current = VectorFile.TryRead(file)!;
        WriteFormat1(file, current);

        var embedder = new GatedEmbedder();
        using var rebuilt = await OpenReady(embedder);

        Assert.Equal(rebuilt.Status.Passages, embedder.Embedded);
        Assert.Equal(0, rebuilt.Status.Semantic.Reused);
        Assert.NotNull(VectorFile.TryRead(file));
        Assert.Equal("trt-kz-6", rebuilt.Search(Paraphrase).Hits[0].Passage.Id);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public async Task A_damaged_vector_file_is_never_trusted_and_is_rebuilt(string damage)
    {
        string file;
        using (var store = await OpenReady(new GatedEmbedder()))
        {
            file = Path.Combine(store.Status.IndexFolder, VectorFile.FileName);
        }

        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "flip":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(file, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(file, bytes[..(bytes.Length - 100)]);
                break;
            default:
                File.WriteAllText(file, "not a vector file");
                break;
        }

        var embedder = new GatedEmbedder();
        using var rebuilt = await OpenReady(embedder);

        Assert.Equal(rebuilt.Status.Passages, embedder.Embedded);
        Assert.NotNull(VectorFile.TryRead(file));
        Assert.Equal("trt-kz-6", rebuilt.Search(Paraphrase).Hits[0].Passage.Id);
    }

    private async Task<KnowledgeStore> OpenReady(GatedEmbedder embedder)
    {
        var store = KnowledgeStore.Open(copy.KnowledgePath, options, null, new SemanticOptions(), embedder);
        await store.SemanticReady.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(store.Status.Semantic.Ready, store.Status.Semantic.Error);
        return store;
    }

    private static void WriteFormat1(string path, VectorFile.Contents contents)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("RBVEC");
            writer.Write(1);
            writer.Write(contents.Model);
            writer.Write(contents.Dimensions);
            writer.Write(contents.ContentHash);
            writer.Write(contents.Ids.Length);
            for (var row = 0; row < contents.Ids.Length; row++)
            {
                writer.Write(contents.Ids[row]);
                writer.Write(contents.TextHashes[row]);
                foreach (var value in contents.Vectors.Vector(row))
                {
                    writer.Write(value);
                }
            }
        }

        var bytes = body.ToArray();
        File.WriteAllBytes(path, [.. bytes, .. System.Security.Cryptography.SHA256.HashData(bytes)]);
    }

    private void Edit(string from, string to)
    {
        var path = copy.FilePath("sample.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }
}
