using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegionBot.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// The stock Web Chat in a real browser under the page's Content-Security-Policy, and under a conversation's
/// message limit: the bundle runs without any violation, and a message the limit refuses shows "Send failed" with a
/// Retry that sends it again and gets it answered; a message longer than the bot reads says why it failed.
/// </summary>
public sealed class WebChatUnderLimitsPageTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task Web_chat_runs_under_the_policy_and_a_limited_message_can_be_retried()
    {
        Assert.True(File.Exists(ChromiumPath), $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        SetDefaultExpectTimeout(30_000);
        using var bot = new KestrelBotFactory()
            .With("Limits:PerConversation:Burst", "1")
            .With("Limits:PerConversation:PerSecond", "1");
        bot.Start();

        // The server's clock moves on with every reading, so that Web Chat orders the transcript as it happened.
        bot.Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1600 } });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);

        var response = await page.GotoAsync(bot.BaseAddress.ToString());
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        var chat = page.Locator("#webchat");
        await Expect(chat.Locator("strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();

        // Three messages at once against a limit of one a second: at least one is refused with 429.
        var box = page.GetByPlaceholder("Type your message");
        foreach (var text in new[] { "help", "Does Kazakhstan recognise the Taliban?", "How did Kyrgyzstan respond to the Taliban?" })
        {
            await box.FillAsync(text);
            await page.Keyboard.PressAsync("Enter");
        }

        var failed = chat.GetByText(new Regex("Send failed"));
        await Expect(failed.First).ToBeVisibleAsync();
        var answers = chat.Locator("em", new() { HasTextRegex = new Regex("^Source: ") });
        var answersBefore = await answers.CountAsync();

        // Each failed message offers Retry, which sends it again once the limit allows (one a second here), and the
        // bot answers it.
        var retry = chat.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        var retried = await retry.CountAsync();
        Assert.InRange(retried, 1, 2);
        for (var i = 0; i < retried; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await retry.Nth(i).ClickAsync();
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await answers.CountAsync() < answersBefore + retried && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        Assert.True(await answers.CountAsync() >= answersBefore + retried, $"{retried} retried questions, {await answers.CountAsync() - answersBefore} new answers");
        Assert.Empty(violations);
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task A_message_longer_than_the_bot_reads_fails_and_the_page_says_why()
    {
        Assert.True(File.Exists(ChromiumPath), $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        SetDefaultExpectTimeout(30_000);
        using var bot = new KestrelBotFactory();
        bot.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1200 } });
        await page.GotoAsync(bot.BaseAddress.ToString());
        var chat = page.Locator("#webchat");
        await Expect(chat.Locator("strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();

        var box = page.GetByPlaceholder("Type your message");
        await box.FillAsync("Does Kazakhstan recognise the Taliban? " + new string('x', 4_100));
        await page.Keyboard.PressAsync("Enter");

        await Expect(chat.GetByText(new Regex("Send failed")).First).ToBeVisibleAsync();
        await Expect(chat.GetByText(new Regex("RegionBot reads at most 4,000"))).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "webchat-too-long.png") });

        // A question that fits is sent and answered, and the notice goes.
        await box.FillAsync("Does Kazakhstan recognise the Taliban?");
        await page.Keyboard.PressAsync("Enter");
        await Expect(chat.Locator("em", new() { HasTextRegex = new Regex("^Source: ") }).First).ToBeVisibleAsync();
        await Expect(chat.GetByText(new Regex("RegionBot reads at most"))).ToHaveCountAsync(0);
    }
}
