using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionBot.Conversations;
using RegionBot.Feedback;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Search;
using RegionBot.Replies;
using RegionBot.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// A person's chat in a real browser: headless Chromium opens the page the bot serves on Kestrel, and the stock
/// Web Chat talks to the bot's local Direct Line. Screenshots of the chat on a desktop and on a phone-wide screen are
/// kept under TestResults/screenshots/.
/// </summary>
public sealed class WebChatPageTests(ITestOutputHelper output) : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string TypedQuestion = "How did Kyrgyzstan respond to the Taliban?";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_person_reads_a_cited_answer_opens_a_citation_rates_it_with_a_thumb_and_follows_a_suggestion()
    {
        var feedbackPath = Path.Combine(_folder.Path, "feedback.jsonl");
        using var bot = new KestrelBotFactory();
        bot.With("RegionBot:Feedback:FeedbackPath", feedbackPath);
        bot.Start();
        var store = bot.Services.GetRequiredService<KnowledgeStore>();
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1200 } });
        var problems = WatchForProblems(page);

        await page.GotoAsync(bot.BaseAddress.ToString());

        await Expect(page).ToHaveTitleAsync("RegionBot");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("data:image/svg+xml", await page.Locator("link[rel=icon]").GetAttributeAsync("href"), StringComparison.Ordinal);
        var chat = page.Locator("#webchat");
        var sendBox = page.GetByPlaceholder("Type your message");
        await Expect(sendBox).ToBeFocusedAsync();

        // The welcome's Markdown is rendered: "**RegionBot**" shows as bold text, not asterisks.
        await Expect(chat.Locator("strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();

        var typed = AnswerComposer.FromSearch(store.Search(TypedQuestion));
        await sendBox.FillAsync(TypedQuestion);
        await page.Keyboard.PressAsync("Enter");

        // The answer opens with the quoted sentence that answers the question, and shows no Markdown syntax.
        var quote = chat.Locator("blockquote").Last;
        await Expect(quote).ToContainTextAsync(AsRendered(typed.Quote![..40]));
        var answerText = await chat.Locator(".webchat__text-content--is-markdown:has(blockquote)").Last.InnerTextAsync();
        Assert.DoesNotContain("**", answerText, StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", answerText, StringComparison.Ordinal);
        var statement = typed.Passages.First(p => p.Passage.Speaker is not null).Passage;
        Assert.Matches(AsRendered($"{statement.Speaker}, {statement.Role}"), answerText);

        // A citation opens the passage, who said it and where it comes from.
        await chat.Locator(".webchat__link-definitions__list-item-box--as-button").First.ClickAsync();
        var dialog = page.Locator(".webchat__citation-modal-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(AsRendered(typed.Passages[0].Passage.Text[..60]));
        await Expect(dialog).ToContainTextAsync(AsRendered(typed.Passages[0].Passage.Source.Title));
        await Screenshot(page, "webchat-citation.png");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        // The thumbs Web Chat draws in the activity status rate the answer; the rating lands in the feedback log.
        var thumbs = page.Locator(".webchat__thumb-button");
        await Expect(thumbs).ToHaveCountAsync(2);
        await thumbs.Nth(1).ClickAsync();
        await Expect(thumbs.Nth(1)).ToHaveClassAsync(new Regex("webchat__thumb-button--is-pressed"));
        var rating = await WaitForEntryAsync(feedbackPath);
        Assert.Equal((FeedbackKind.Rating, false, TypedQuestion), (rating.Kind, rating.Helpful, rating.Question));
        Assert.Equal(typed.PassageIds, rating.PassageIds);
        await Screenshot(page, "webchat-desktop.png");

        // An answer offers follow-up questions as suggested actions; the test follows the first, which the bot
        // resolves against the conversation's previous question.
        using var suggestions = new FollowUpSuggestions(store);
        var example = Assert.IsType<string>(suggestions.For(typed.Search, CancellationToken.None).FirstOrDefault());
        var clicked = store.Search(example, SearchContext.From(typed.Search));
        await chat.GetByRole(AriaRole.Button, new() { Name = example }).Last.ClickAsync();
        await Expect(chat.Locator("blockquote")).ToHaveCountAsync(2);
        await Expect(chat.GetByText(AsRendered(clicked.Hits[0].Passage.Text[..50])).First).ToBeVisibleAsync();

        Assert.Empty(problems);
    }

    [Fact]
    public async Task On_a_phone_wide_screen_the_chat_fits_the_width_and_an_answer_reads()
    {
        using var bot = new KestrelBotFactory().Start();
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        var problems = WatchForProblems(page);

        await page.GotoAsync(bot.BaseAddress.ToString());
        await Expect(page.Locator("#webchat strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();
        await Expect(page.GetByPlaceholder("Type your message")).ToBeFocusedAsync();
        await page.GetByPlaceholder("Type your message").FillAsync("Does Kazakhstan recognise the Taliban?");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await Expect(page.Locator("#webchat blockquote").Last).ToBeVisibleAsync();
        }
        catch (PlaywrightException)
        {
            await Screenshot(page, "webchat-phone-failed.png");
            throw;
        }

        await Expect(page.Locator(".webchat__thumb-button")).ToHaveCountAsync(2);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways");
        var box = await page.Locator("#webchat").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width, 360, 375);
        await Screenshot(page, "webchat-phone.png");
        Assert.Empty(problems);
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <summary>Script errors and failed requests (such as a missing favicon) the page runs into.</summary>
    private static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        return problems;
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"Screenshot: {path}");
    }

    private static async Task<FeedbackEntry> WaitForEntryAsync(string path)
    {
        // Web Chat posts a vote half a second after the click, so a change of mind is not logged twice.
        var log = new JsonLinesFeedbackLog(path);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (File.Exists(path) && (await log.ReadAllAsync()).Entries is [var entry, ..])
            {
                return entry;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No rating reached the feedback log within 30 seconds.");
    }

    /// <summary>
    /// Matches text as Web Chat shows it: its Markdown renderer turns straight quotes into typographic ones.
    /// </summary>
    private static Regex AsRendered(string text) =>
        new(Regex.Escape(text).Replace("'", "['’]", StringComparison.Ordinal).Replace("\"", "[\"“”]", StringComparison.Ordinal));
}
