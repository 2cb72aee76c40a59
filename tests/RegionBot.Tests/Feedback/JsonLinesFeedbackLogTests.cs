using RegionBot.Feedback;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Feedback;

/// <summary>The feedback log file: entries survive the round trip, concurrent writers never break a line.</summary>
public sealed class JsonLinesFeedbackLogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string LogPath => Path.Combine(_folder.Path, "nested", "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Entries_are_read_back_as_written_with_UTC_timestamps()
    {
        var log = new JsonLinesFeedbackLog(LogPath);
        var asked = new DateTimeOffset(2026, 11, 27, 18, 30, 0, TimeSpan.FromHours(5));
        await log.AppendAsync(new FeedbackEntry(FeedbackKind.Rating, "Does Kazakhstan recognise the Taliban?", ["trt-kz-8"], false, null, "conv-1", "msteams", asked));
        await log.AppendAsync(new FeedbackEntry(FeedbackKind.Unanswered, "What is the capital of Brazil?", [], null, "NotCovered", "conv-2", "webchat", asked));

        var contents = await log.ReadAllAsync();

        Assert.Equal(0, contents.UnreadableLines);
        Assert.Equal(2, contents.Entries.Count);
        var rating = contents.Entries[0];
        Assert.Equal((FeedbackKind.Rating, false, "conv-1", "msteams"), (rating.Kind, rating.Helpful, rating.ConversationId, rating.ChannelId));
        Assert.Equal(["trt-kz-8"], rating.PassageIds);
        Assert.Equal(asked, rating.Timestamp);
        Assert.Equal(TimeSpan.Zero, rating.Timestamp.Offset);
        Assert.Equal("NotCovered", contents.Entries[1].NoAnswer);
        Assert.Contains("\"timestamp\":\"2026-11-27T13:30:00+00:00\"", File.ReadAllLines(LogPath)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_on_one_file_keep_every_line_whole()
    {
        // Two log objects stand for two bot processes appending to the same file.
        var logs = new[] { new JsonLinesFeedbackLog(LogPath), new JsonLinesFeedbackLog(LogPath) };
        var question = "Does Kazakhstan recognise the Taliban? " + new string('x', 2000);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => logs[i % 2].AppendAsync(
            new FeedbackEntry(FeedbackKind.Rating, question + i, ["trt-kz-8"], i % 3 == 0, null, "conv-" + i, "test", DateTimeOffset.UtcNow)))));

        var contents = await logs[0].ReadAllAsync();
        Assert.Equal(0, contents.UnreadableLines);
        Assert.Equal(200, contents.Entries.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => question + i).Order(), contents.Entries.Select(e => e.Question).Order());
    }

    [Fact]
    public async Task Damaged_lines_are_counted_and_skipped()
    {
        var log = new JsonLinesFeedbackLog(LogPath);
        await log.AppendAsync(new FeedbackEntry(FeedbackKind.Unanswered, "first", [], null, "WeakMatch", null, null, DateTimeOffset.UtcNow));
        await File.AppendAllTextAsync(LogPath, "{\"kind\":\"rating\",\"quest\n[1,2]\n");
        await log.AppendAsync(new FeedbackEntry(FeedbackKind.Unanswered, "second", [], null, "WeakMatch", null, null, DateTimeOffset.UtcNow));

        var contents = await log.ReadAllAsync();

        Assert.Equal(["first", "second"], contents.Entries.Select(e => e.Question));
        Assert.Equal(2, contents.UnreadableLines);
    }

    [Fact]
    public async Task A_log_that_does_not_exist_yet_is_empty()
    {
        var contents = await new JsonLinesFeedbackLog(LogPath).ReadAllAsync();

        Assert.Empty(contents.Entries);
        Assert.False(File.Exists(LogPath));
    }

    [Fact]
    public void The_default_log_lives_outside_the_source_tree()
    {
        var path = new FeedbackOptions().ResolvedFeedbackPath();

        Assert.True(Path.IsPathRooted(path));
        Assert.EndsWith("feedback.jsonl", path, StringComparison.Ordinal);
        Assert.False(path.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal), path);
    }
}
