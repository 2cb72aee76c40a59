using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionBot.Conversations;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// A person's chat in a real browser: headless Chromium opens the page the bot serves on Kestrel, and the stock
/// Web Chat talks to the bot's local Direct Line. A screenshot of the end of the chat is kept as a test artifact.
/// </summary>
public sealed class WebChatPageTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string TypedQuestion = "How did Kyrgyzstan respond to the Taliban?";

    [Fact]
    public async Task A_person_is_welcomed_asks_a_question_and_follows_a_suggested_action()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        SetDefaultExpectTimeout(30_000);
        using var bot = new KestrelBotFactory().Start();
        var store = bot.Services.GetRequiredService<KnowledgeStore>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1200 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        await page.GotoAsync(bot.BaseAddress.ToString());

        await Expect(page).ToHaveTitleAsync("RegionBot");
        var chat = page.Locator("#webchat");

        // The welcome's Markdown is rendered: "**RegionBot**" shows as bold text, not asterisks.
        await Expect(chat.Locator("strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();
        var attributions = chat.Locator("em", new() { HasTextRegex = new Regex("^Source: ") });

        var typed = store.Search(TypedQuestion);
        Assert.True(typed.HasAnswer);
        await page.GetByPlaceholder("Type your message").FillAsync(TypedQuestion);
        await page.Keyboard.PressAsync("Enter");

        await Expect(attributions).ToHaveCountAsync(typed.Hits.Count);
        await Expect(attributions.First).ToHaveTextAsync(AsRendered(Attribution(typed.Hits[0])));
        await Expect(chat.GetByText(AsRendered(Opening(typed.Hits[0].Passage.Text))).First).ToBeVisibleAsync();
        var statement = typed.Hits.First(h => h.Passage.Kind == PassageKind.Statement).Passage;
        await Expect(chat.GetByText(AsRendered($"{statement.Speaker}, {statement.Role}")).First).ToBeVisibleAsync();

        // An answer offers follow-up questions as suggested actions; the test follows the first, which the bot
        // resolves against the conversation's previous question.
        using var suggestions = new FollowUpSuggestions(store);
        var example = Assert.IsType<string>(suggestions.For(typed, CancellationToken.None).FirstOrDefault());
        var clicked = store.Search(example, SearchContext.From(typed));
        await chat.GetByRole(AriaRole.Button, new() { Name = example }).Last.ClickAsync();

        await Expect(attributions).ToHaveCountAsync(typed.Hits.Count + clicked.Hits.Count);
        await Expect(attributions.Nth(typed.Hits.Count)).ToHaveTextAsync(AsRendered(Attribution(clicked.Hits[0])));
        await Expect(chat.GetByText(example, new() { Exact = true }).First).ToBeVisibleAsync();

        // Web Chat scrolls the new answer into view; the screenshot should show it.
        await Expect(attributions.Last).ToBeInViewportAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "webchat.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot of the chat: {screenshot}");
        Assert.Empty(pageErrors);
    }

    /// <summary>The attribution line as Web Chat shows it once the Markdown is rendered.</summary>
    private static string Attribution(PassageHit hit) =>
        $"Source: {hit.Passage.Source.Publisher}, “{hit.Passage.Source.Title}” · section “{hit.Passage.Section}”";

    /// <summary>
    /// Matches text as Web Chat shows it: its Markdown renderer turns straight quotes into typographic ones.
    /// </summary>
    private static Regex AsRendered(string text) =>
        new(Regex.Escape(text).Replace("'", "['’]", StringComparison.Ordinal).Replace("\"", "[\"“”]", StringComparison.Ordinal));

    /// <summary>The passage's first words, enough to find it on the page.</summary>
    private static string Opening(string text) => text.Length <= 60 ? text : text[..60];
}
