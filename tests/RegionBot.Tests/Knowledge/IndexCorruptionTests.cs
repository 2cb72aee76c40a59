using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>
/// The stored index is derived data: whatever damage it takes on disk, the bot starts, says so in its log, rebuilds
/// the index from the knowledge and answers exactly as before, never from a silently damaged index.
/// </summary>
public sealed class IndexCorruptionTests(IndexCorruptionTests.PristineIndex pristine) : IClassFixture<IndexCorruptionTests.PristineIndex>, IDisposable
{
    /// <summary>Every kind of file the index of the shipped knowledge holds; a new kind fails <see cref="Every_file_type_of_the_index_is_covered"/>.</summary>
    public static readonly TheoryData<string, string> Damages = Cross(
        ["segments_N", "segments.gen", ".si", ".fnm", ".fdt", ".fdx", ".doc", ".pos", ".tim", ".tip", ".nvd", ".nvm", ".dvd", ".dvm"],
        ["overwrite the middle", "truncate"]);

    private readonly TempDirectory indexes = new();
    private readonly ListLogger log = new();

    private SearchOptions Options => new() { IndexPath = indexes.Path };

    public void Dispose() => indexes.Dispose();

    [Fact]
    public void Every_file_type_of_the_index_is_covered()
    {
        var covered = Damages.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        // The passage vectors beside the index have their own checksum and are rebuilt on their own, without the
        // index (VectorStorageTests).
        var present = pristine.Files.Where(f => f != VectorFile.FileName).Select(TypeOf).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(covered.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_index_file_is_caught_and_the_index_rebuilt(string fileType, string damage)
    {
        var folder = pristine.CopyTo(indexes.Path);
        var file = Directory.GetFiles(folder).Single(f => TypeOf(Path.GetFileName(f)) == fileType);
        Damage(file, damage, new Random(309));

        using var store = KnowledgeStore.Open(RepositoryRoot.Knowledge, Options, log);

        Assert.False(store.Status.IndexReused, $"the index with a damaged {fileType} file was reused");
        Assert.Equal(pristine.Answers, PristineIndex.Ask(store));
        Assert.Contains(log.Warnings, w => w.Contains(folder, StringComparison.Ordinal) && w.Contains("rebuilding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bot_starts_healthy_on_a_damaged_index_and_answers_as_before()
    {
        // The reproduction of the report: random bytes in the middle of the postings file stopped every start.
        var folder = pristine.CopyTo(indexes.Path);
        Damage(Directory.GetFiles(folder, "*.doc").Single(), "overwrite the middle", new Random(309));
        await using var factory = new RegionBotFactory().With("RegionBot:IndexPath", indexes.Path);
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var reply = await client.PostAsync(
            BotEndpoints.MessagesPath,
            ActivityJson.Content(ActivityJson.Message(PristineIndex.Questions[0], deliveryMode: "expectReplies")));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        var store = factory.Services.GetRequiredService<KnowledgeStore>();
        Assert.False(store.Status.IndexReused);
        var text = (string)ActivityJson.Replies(await reply.Content.ReadAsStringAsync()).Single(r => (string)r["type"]! == "message")["text"]!;
        var best = store.Knowledge.Passages.Single(p => p.Id == pristine.Answers[0][0]);
        Assert.Contains(best.Text, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undamaged_index_is_verified_and_reused()
    {
        pristine.CopyTo(indexes.Path);

        using var store = KnowledgeStore.Open(RepositoryRoot.Knowledge, Options, log);

        Assert.True(store.Status.IndexReused);
        Assert.Equal(pristine.Answers, PristineIndex.Ask(store));
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void A_folder_of_garbage_files_is_replaced_by_a_rebuilt_index()
    {
        var folder = pristine.CopyTo(indexes.Path);
        var random = new Random(15);
        foreach (var file in Directory.GetFiles(folder))
        {
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            File.WriteAllBytes(file, garbage);
        }

        using var store = KnowledgeStore.Open(RepositoryRoot.Knowledge, Options, log);

        Assert.False(store.Status.IndexReused);
        Assert.Equal(pristine.Answers, PristineIndex.Ask(store));
        Assert.Contains(log.Warnings, w => w.Contains(folder, StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_left_half_built_by_a_killed_process_are_deleted_at_start()
    {
        // No process can have the largest process id, so this folder's builder has certainly ended.
        var abandoned = Path.Combine(indexes.Path, "regionbot-index-3-0123456789abcdef.building-" + int.MaxValue + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "_0.fdt"), "half");

        // A build of this very process (another store opening at the same time) is still running and is left alone.
        var running = Path.Combine(indexes.Path, "regionbot-index-3-fedcba9876543210.building-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(running);

        using var store = KnowledgeStore.Open(RepositoryRoot.Knowledge, Options, log);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(running));
        Assert.Equal(pristine.Answers, PristineIndex.Ask(store));
    }

    [Fact]
    public void A_reload_that_finds_its_version_damaged_on_disk_rebuilds_it()
    {
        using var knowledge = new TempDirectory();
        var file = knowledge.Write("a.md", KnowledgeSamples.Valid);
        using var store = KnowledgeStore.Open(knowledge.Path, Options, log);

        // A earlier run left the index of the edited knowledge on disk, and the disk has damaged it since.
        File.WriteAllText(file, KnowledgeSamples.Valid.Replace("border crossing", "frontier crossing", StringComparison.Ordinal));
        string damaged;
        using (var earlier = KnowledgeStore.Open(knowledge.Path, Options))
        {
            damaged = earlier.Status.IndexFolder;
        }

        Damage(Directory.GetFiles(damaged, "*.pos").Single(), "overwrite the middle", new Random(14));
        var result = store.Reload();

        Assert.True(result.Changed);
        Assert.False(store.Status.IndexReused);
        Assert.Equal(damaged, store.Status.IndexFolder);
        Assert.Equal("The government closed the frontier crossing.", store.Search("Did Tajikistan close the frontier crossing?").Hits[0].Passage.Text);
        Assert.Contains(log.Warnings, w => w.Contains(damaged, StringComparison.Ordinal));
    }

    /// <summary>The kind of an index file: its extension, or the name without its generation for the commit files.</summary>
    private static string TypeOf(string name) =>
        name.StartsWith("segments_", StringComparison.Ordinal) ? "segments_N"
        : name == "segments.gen" ? name
        : Path.GetExtension(name);

    private static void Damage(string file, string damage, Random random)
    {
        var bytes = File.ReadAllBytes(file);
        if (damage == "truncate")
        {
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
            return;
        }

        // Each byte is changed, never written back as it was, so the damage is certain whatever the random draw.
        var length = Math.Clamp(bytes.Length / 4, 1, 16);
        var start = (bytes.Length - length) / 2;
        for (var i = start; i < start + length; i++)
        {
            bytes[i] ^= (byte)random.Next(1, 256);
        }

        File.WriteAllBytes(file, bytes);
    }

    private static TheoryData<string, string> Cross(string[] fileTypes, string[] damages)
    {
        var data = new TheoryData<string, string>();
        foreach (var fileType in fileTypes)
        {
            foreach (var damage in damages)
            {
                data.Add(fileType, damage);
            }
        }

        return data;
    }

    /// <summary>The index of the shipped knowledge as first built, and the answers it gives.</summary>
    public sealed class PristineIndex : IDisposable
    {
        public static readonly string[] Questions =
        [
            "Does Kazakhstan recognise the Taliban?",
            "What is Tashkent doing about refugees?",
            "What does Dushanbe think of the Taliban?",
            "What worries Bishkek?",
            "Is Ashgabat still trading with Afghanistan?",
            "What did Tokayev ask the army to do?",
            "What did Mirziyoyev promise the Afghan people?",
            "Which security organisation met online?",
        ];

        private readonly TempDirectory root = new();
        private readonly string folder;

        public PristineIndex()
        {
            using var store = KnowledgeStore.Open(RepositoryRoot.Knowledge, new SearchOptions { IndexPath = root.Path });
            folder = store.Status.IndexFolder;
            Answers = Ask(store);
            Assert.All(Answers, ids => Assert.NotEmpty(ids));
            Files = Directory.GetFiles(folder).Select(Path.GetFileName).Where(name => name != "write.lock").ToArray()!;
        }

        /// <summary>The passage ids answering each question, in order.</summary>
        public IReadOnlyList<string[]> Answers { get; }

        public IReadOnlyList<string> Files { get; }

        public static IReadOnlyList<string[]> Ask(KnowledgeStore store) =>
            Questions.Select(q => store.Search(q).Hits.Select(h => h.Passage.Id).ToArray()).ToArray();

        /// <summary>Copies the pristine index folder under <paramref name="indexRoot"/> and returns the copy's path.</summary>
        public string CopyTo(string indexRoot)
        {
            var copy = Path.Combine(indexRoot, Path.GetFileName(folder));
            Directory.CreateDirectory(copy);
            foreach (var name in Files)
            {
                File.Copy(Path.Combine(folder, name), Path.Combine(copy, name));
            }

            return copy;
        }

        public void Dispose() => root.Dispose();
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<string> warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (warnings)
                {
                    return warnings.ToArray();
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
