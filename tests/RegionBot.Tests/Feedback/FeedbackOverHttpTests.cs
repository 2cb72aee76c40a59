using System.Net;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Commands;
using RegionBot.Feedback;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Feedback;

/// <summary>
/// Ratings through the real application over HTTP: Teams' feedback invoke and Web Chat's vote event, posted as
/// those clients post them, land in the configured feedback log, and the report command lists them.
/// </summary>
public sealed class FeedbackOverHttpTests : IDisposable
{
    private const string Question = "How did Kyrgyzstan respond to the Taliban?";

    private readonly TempDirectory _folder = new();

    private string LogPath => Path.Combine(_folder.Path, "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Teams_feedback_on_an_answer_is_logged_with_its_comment_answered_200_and_reported()
    {
        await using var bot = new RegionBotFactory().With("RegionBot:Feedback:FeedbackPath", LogPath);
        using var client = bot.CreateClient();
        var conversation = new JObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N"), ["conversationType"] = "personal" };
        var question = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        question["channelId"] = "msteams";
        question["conversation"] = conversation;
        var answer = (await PostAsync(client, question)).First(reply => (string?)reply["type"] == "message");
        Assert.True((bool?)answer["channelData"]?["feedbackLoopEnabled"]);

        // What Teams posts when the user submits the feedback form under that message.
        var feedback = ActivityJson.Message("", deliveryMode: "expectReplies");
        feedback["type"] = "invoke";
        feedback["name"] = "message/submitAction";
        feedback["channelId"] = "msteams";
        feedback["conversation"] = conversation;
        feedback["replyToId"] = answer["id"];
        feedback["value"] = new JObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JObject { ["reaction"] = "dislike", ["feedback"] = """{"feedbackText":"Too long"}""" },
        };
        feedback.Remove("text");
        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(feedback));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await new JsonLinesFeedbackLog(LogPath).ReadAllAsync()).Entries);
        Assert.Equal((FeedbackKind.Rating, false, Question, "Too long"), (entry.Kind, entry.Helpful, entry.Question, entry.Comment));
        Assert.NotEmpty(entry.PassageIds);
        Assert.Equal(((string)conversation["id"]!, "msteams"), (entry.ConversationId, entry.ChannelId));

        var report = new StringWriter();
        Assert.Equal(0, CommandLine.TryRun(["report", "--feedback", LogPath], report, TextWriter.Null));
        Assert.Contains("👎 1  👍 0  " + Question, report.ToString(), StringComparison.Ordinal);
        Assert.Contains("passages: " + string.Join(", ", entry.PassageIds), report.ToString(), StringComparison.Ordinal);
        Assert.Contains("comment: Too long", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Web_Chat_vote_posted_as_Web_Chat_posts_it_is_logged_in_the_configured_file()
    {
        await using var bot = new RegionBotFactory().With("RegionBot:Feedback:FeedbackPath", LogPath);
        using var client = bot.CreateClient();
        var conversation = new JObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N") };
        var question = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        question["channelId"] = "directline";
        question["conversation"] = conversation;
        var answer = (await PostAsync(client, question)).First(reply => (string?)reply["type"] == "message");
        var upvote = answer["entities"]!.Children<JObject>().Single(e => (string?)e["actionOption"] == "upvote");

        var vote = ActivityJson.Message("", deliveryMode: "expectReplies");
        vote["type"] = "event";
        vote["name"] = "webchat:activity-status/feedback";
        vote["channelId"] = "directline";
        vote["conversation"] = conversation;
        vote["entities"] = new JArray(upvote);
        vote.Remove("text");
        var replies = await PostAsync(client, vote);

        Assert.DoesNotContain(replies, reply => (string?)reply["type"] == "message");
        var entry = Assert.Single((await new JsonLinesFeedbackLog(LogPath).ReadAllAsync()).Entries);
        Assert.Equal((FeedbackKind.Rating, true, Question), (entry.Kind, entry.Helpful, entry.Question));
        Assert.Equal(upvote["object"]!["citation"]!.Values<string>(), entry.PassageIds);
        Assert.NotEmpty(entry.PassageIds);
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

    private static async Task<IReadOnlyList<JObject>> PostAsync(HttpClient client, JObject activity)
    {
        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : ActivityJson.Replies(body);
    }
}
