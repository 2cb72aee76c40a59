using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Edge;

/// <summary>The limits in front of /api/messages, over HTTP through the real application.</summary>
public sealed class EdgeLimitsTests
{
    private const string Question = "Does Kazakhstan recognise the Taliban?";

    [Fact]
    public async Task A_body_over_the_limit_gets_413_from_its_content_length_and_never_reaches_the_bot()
    {
        await using var factory = new RegionBotFactory();
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPassageSearch>(provider => new RecordingSearch(provider.GetRequiredService<KnowledgeStore>()))));
        var search = (RecordingSearch)app.Services.GetRequiredService<IPassageSearch>();
        using var client = app.CreateClient();
        var activity = ActivityJson.Message(Question + " " + new string('a', 300 * 1024), deliveryMode: "expectReplies");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));
        using var small = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        // The answer's follow-up suggestions are searched too; the oversized question never is.
        Assert.Equal(Question, search.Questions[0]);
        Assert.DoesNotContain(search.Questions, q => q.Length > Question.Length + 100);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_cut_off_with_413()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(new string('a', 300 * 1024), deliveryMode: "expectReplies");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, new ChunkedContent(activity.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task On_Kestrel_a_chunked_body_over_the_limit_is_cut_off_with_413()
    {
        await using var factory = new RegionBotFactory();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var activity = ActivityJson.Message(new string('a', 300 * 1024), deliveryMode: "expectReplies");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, new ChunkedContent(activity.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_long_question_within_the_limit_is_answered()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(Question + " " + new string('x', 200 * 1024), deliveryMode: "expectReplies");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, new ChunkedContent(activity.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ActivityJson.Replies(await response.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
    }

    [Fact]
    public async Task A_client_sending_too_fast_gets_429_with_retry_after_and_health_checks_are_not_limited()
    {
        await using var factory = new RegionBotFactory()
            .With("Limits:PerClient:Burst", "3")
            .With("Limits:PerClient:PerSecond", "1");
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(rejected);
        Assert.True(int.Parse(rejected.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.DoesNotContain(HttpStatusCode.ServiceUnavailable, statuses);
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_conversation_sending_too_fast_gets_429_while_other_conversations_are_answered()
    {
        await using var factory = new RegionBotFactory()
            .With("Limits:PerConversation:Burst", "2")
            .With("Limits:PerConversation:PerSecond", "1");
        using var client = factory.CreateClient();
        var chatty = ActivityJson.Message(Question, deliveryMode: "expectReplies");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 4; i++)
        {
            chatty["id"] = Guid.NewGuid().ToString("N");
            var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(chatty));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        using var other = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question, deliveryMode: "expectReplies")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(2));
        Assert.True(rejected!.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_gets_a_plain_500_without_a_stack_trace_even_in_Development()
    {
        await using var factory = new RegionBotFactory();
        await using var broken = factory.WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .ConfigureTestServices(services => services.AddSingleton<IBotFrameworkHttpAdapter>(new ThrowingAdapter())));
        using var client = broken.CreateClient();

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(ActivityJson.Message(Question)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ThrowingAdapter", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("index is corrupt", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MalformedActivities()
    {
        var data = new TheoryData<string, string>();
        void Add(string name, Action<JObject> change)
        {
            var activity = ActivityJson.Message(Question, deliveryMode: "expectReplies");
            change(activity);
            data.Add(name, activity.ToString());
        }

        Add("text is a number", a => a["text"] = 5);
        Add("text is an array", a => a["text"] = new JArray("a", "b"));
        Add("text is an object", a => a["text"] = new JObject { ["x"] = 1 });
        Add("from is a string", a => a["from"] = "x");
        Add("from is missing", a => a.Remove("from"));
        Add("from is null", a => a["from"] = null);
        Add("from has no id", a => a["from"] = new JObject { ["name"] = "Tester" });
        Add("from id is a number", a => a["from"] = new JObject { ["id"] = 7 });
        Add("conversation is missing", a => a.Remove("conversation"));
        Add("conversation is null", a => a["conversation"] = null);
        Add("conversation is an array", a => a["conversation"] = new JArray());
        Add("conversation id is empty", a => a["conversation"] = new JObject { ["id"] = "" });
        Add("recipient is a number", a => a["recipient"] = 3);
        Add("type is missing", a => a.Remove("type"));
        Add("type is a boolean", a => a["type"] = true);
        Add("serviceUrl is an object", a => a["serviceUrl"] = new JObject());
        Add("entities is a string", a => a["entities"] = "mention");
        Add("attachments is an object", a => a["attachments"] = new JObject());
        Add("conversation id is longer than any channel's", a => a["conversation"] = new JObject { ["id"] = new string('c', 5000) });
        var surrogate = ActivityJson.Message(Question);
        surrogate["conversation"] = new JObject { ["id"] = "placeholder" };
        data.Add("conversation id escapes a lone surrogate", surrogate.ToString().Replace("placeholder", "conv-\\ud800", StringComparison.Ordinal));
        data.Add("a string", "\"message\"");
        data.Add("null", "null");
        data.Add("an array of activities", new JArray(ActivityJson.Message(Question)).ToString());
        data.Add("deeply nested JSON", DeeplyNested(10_000));
        var nestedEntity = ActivityJson.Message(Question);
        nestedEntity["entities"] = new JArray("placeholder");
        data.Add("an entity nested 200 deep", nestedEntity.ToString().Replace("\"placeholder\"", DeeplyNested(200), StringComparison.Ordinal));
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedActivities))]
    public async Task A_malformed_activity_gets_400_that_says_what_is_wrong(string name, string body)
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":400", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_nothing_to_read_gets_400_naming_what_it_lacks()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        activity.Remove("text");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A message needs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_only_an_attachment_gets_a_reply_saying_the_bot_reads_text()
    {
        await using var factory = new RegionBotFactory();
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message(Question, deliveryMode: "expectReplies");
        activity.Remove("text");
        activity["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "http://127.0.0.1:9/picture.png" });

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, ActivityJson.Content(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(ActivityJson.Replies(await response.Content.ReadAsStringAsync()), r => (string)r["type"]! == "message");
        Assert.Contains("no text", (string)reply["text"]!, StringComparison.Ordinal);
    }

    private static string DeeplyNested(int depth) =>
        new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    /// <summary>Content sent without a Content-Length, as a chunked upload is.</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 8192)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(8192, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ThrowingAdapter : IBotFrameworkHttpAdapter
    {
        public Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The index is corrupt.");
    }
}
