using System.Net;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Commands;
using RegionBot.Feedback;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Feedback;

/// <summary>
/// Ratings through the real application over HTTP: the rating button's messageBack posted as Web Chat and Teams
/// post it lands in the configured feedback log, and the report command lists it.
/// </summary>
public sealed class FeedbackOverHttpTests : IDisposable
{
    private const string Question = "How did Kyrgyzstan respond to the Taliban?";

    private readonly TempDirectory _folder = new();

    private string LogPath => Path.Combine(_folder.Path, "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_clicked_unhelpful_button_is_logged_in_the_configured_file_and_reported()
    {
        await using var bot = new RegionBotFactory().With("RegionBot:Feedback:FeedbackPath", LogPath);
        using var client = bot.CreateClient();
        var conversation = new JObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N") };
        var question = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        question["conversation"] = conversation;
        var answer = await PostAsync(client, question);
        var button = answer["attachments"]![0]!["content"]!["buttons"]!
            .Children<JObject>()
            .Single(b => (string?)b["title"] == AnswerReply.UnhelpfulTitle);

        // What Web Chat and Teams post for a messageBack click: the button's text and value.
        var click = ActivityJson.Message((string)button["text"]!, deliveryMode: "expectReplies");
        click["conversation"] = conversation;
        click["value"] = button["value"];
        var thanks = await PostAsync(client, click);

        Assert.Contains("did not help", (string)thanks["text"]!, StringComparison.Ordinal);
        var entry = Assert.Single((await new JsonLinesFeedbackLog(LogPath).ReadAllAsync()).Entries);
        Assert.Equal((FeedbackKind.Rating, false, Question), (entry.Kind, entry.Helpful, entry.Question));
        Assert.Equal(button["value"]!["passages"]!.Values<string>(), entry.PassageIds);
        Assert.NotEmpty(entry.PassageIds);
        Assert.Equal(((string)conversation["id"]!, "emulator"), (entry.ConversationId, entry.ChannelId));

        var report = new StringWriter();
        Assert.Equal(0, CommandLine.TryRun(["report", "--feedback", LogPath], report, TextWriter.Null));
        Assert.Contains("👎 1  👍 0  " + Question, report.ToString(), StringComparison.Ordinal);
        Assert.Contains("passages: " + string.Join(", ", entry.PassageIds), report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_command_is_in_the_usage_and_an_incomplete_option_shows_it()
    {
        var error = new StringWriter();

        var exitCode = CommandLine.TryRun(["report", "--feedback"], TextWriter.Null, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("report [options]", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--feedback <FILE>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_on_an_empty_log_says_there_is_nothing_yet()
    {
        var output = new StringWriter();

        Assert.Equal(0, CommandLine.TryRun(["report", "--feedback", LogPath], output, TextWriter.Null));

        Assert.Contains("Unanswered questions (0 asked, 0 distinct)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Poorly rated answers (0, from 0 ratings in all)", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JObject> PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ActivityJson.Replies(await response.Content.ReadAsStringAsync()).Single(reply => (string?)reply["type"] == "message");
    }
}
