using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionBot.Feedback;
using RegionBot.Knowledge;
using RegionBot.Replies;
using RegionBot.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RegionBot.Tests.Replies;

/// <summary>
/// Replies as Teams shows them, tried the way Microsoft offers without a tenant: Microsoft 365 Agents Playground
/// (npm <c>@microsoft/m365agentsplayground</c>, restored with the web chat's bundle) emulates the Teams client and
/// channel against the bot on real Kestrel, and headless Chromium drives its chat.
/// </summary>
public sealed class TeamsPlaygroundTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Question = "How did Kyrgyzstan respond to the Taliban?";

    private static readonly string PlaygroundCli = Path.Combine(
        RepositoryRoot.Path, "src", "RegionBot", "WebChat", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    [Fact]
    public async Task An_answer_shows_formatted_in_the_Teams_channel_with_paragraphs_apart_and_citations_and_its_feedback_is_logged()
    {
        Assert.True(File.Exists(ChromiumPath), $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        Assert.True(File.Exists(PlaygroundCli), $"The Playground is restored by the build's npm step into {PlaygroundCli}.");
        SetDefaultExpectTimeout(60_000);
        using var folder = new TempDirectory();
        var feedbackPath = Path.Combine(folder.Path, "feedback.jsonl");
        using var bot = new KestrelBotFactory();
        bot.With("RegionBot:Feedback:FeedbackPath", feedbackPath);
        bot.Start();
        var expected = AnswerComposer.FromSearch(bot.Services.GetRequiredService<KnowledgeStore>().Search(Question));
        var port = FreePort();
        using var playground = StartPlayground(new Uri(bot.BaseAddress, "api/messages"), port);
        try
        {
            await WaitUntilServingAsync(port, playground);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
            await page.GotoAsync($"http://127.0.0.1:{port}/");

            // The bot's welcome arrives when the Playground opens the personal chat.
            var chat = page.Locator("[class*=fai-OutputCard]");
            await Expect(chat.Filter(new() { HasText = "Welcome!" }).First).ToBeVisibleAsync();
            // The message box is a rich-text editor (a content-editable text box), typed into like a person would.
            var box = page.Locator("[contenteditable=true][role=textbox]");
            await box.ClickAsync();
            await page.Keyboard.TypeAsync(Question);
            await page.Keyboard.PressAsync("Enter");

            var reply = chat.Filter(new() { HasText = expected.Quote![..40] }).Last;
            await Expect(reply).ToBeVisibleAsync();

            // Formatted, not raw Markdown: bold, italics and the quote are drawn, and no markup shows as text.
            var text = await reply.InnerTextAsync();
            output.WriteLine(text);
            Assert.DoesNotContain("*", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<br>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("> “", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[1]", text, StringComparison.Ordinal);
            await Expect(reply.Locator("blockquote")).ToContainTextAsync(expected.Quote[..40]);
            await Expect(reply.Locator("strong", new() { HasText = "Kyrgyzstan" }).First).ToBeVisibleAsync();
            await Expect(reply.Locator("em", new() { HasTextRegex = new Regex("^Source: ") })).ToBeVisibleAsync();

            // Paragraphs stand apart: a blank line of space between one paragraph's last line and the next one's first.
            var gaps = await reply.EvaluateAsync<double[]>(ParagraphGaps);
            Assert.True(gaps.Length >= 3, "the answer has several paragraphs");
            Assert.All(gaps, gap => Assert.True(gap >= 8, $"paragraphs {string.Join(", ", gaps)} px apart"));

            await Screenshot(page, "teams-playground.png");

            // Each passage is cited, and a citation shows a card with the passage's opening and name.
            var citations = reply.Locator(".fai-Citation");
            await Expect(citations).ToHaveCountAsync(expected.Passages.Count + 1);
            await Expect(citations.First).ToHaveTextAsync("1");
            await citations.Nth(2).HoverAsync();
            var card = page.Locator(".fui-PopoverSurface");
            await Expect(card).ToContainTextAsync(Citations.Abstract(expected.Passages[1].Passage.Text)[..40]);
            await Expect(card).ToContainTextAsync(Citations.Name(expected.Passages[1])[..20]);
            await Screenshot(page, "teams-playground-citation.png");
            await page.Mouse.MoveAsync(0, 0);

            // Teams' own thumbs, from the feedback loop, are drawn under the answer. Its thumbs down opens Teams'
            // feedback form; submitting it sends the feedback invoke to the bot, which logs it.
            await page.Locator("button[aria-label=Dislike]").Last.ClickAsync();
            var form = page.GetByRole(AriaRole.Dialog);
            await form.Locator("textarea").FillAsync("Too long for a quick answer");
            await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
            var rating = await WaitForEntryAsync(feedbackPath);
            Assert.Equal((FeedbackKind.Rating, false, Question, "Too long for a quick answer"), (rating.Kind, rating.Helpful, rating.Question, rating.Comment));
            Assert.Equal(expected.PassageIds, rating.PassageIds);
            Assert.Equal("msteams", rating.ChannelId);
        }
        finally
        {
            Stop(playground);
        }
    }

    /// <summary>
    /// For each paragraph after the first (quotes left out: they are framed), the space in pixels between the last
    /// line of text before it and its own first line of text.
    /// </summary>
    private const string ParagraphGaps = """
        element => {
          const lines = (node, last) => {
            const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
            let found = null;
            while (walker.nextNode()) {
              if (walker.currentNode.textContent.trim()) { found = walker.currentNode; if (!last) break; }
            }
            const range = document.createRange();
            range.selectNodeContents(found);
            const rects = range.getClientRects();
            return last ? rects[rects.length - 1].bottom : rects[0].top;
          };
          const paragraphs = [...element.querySelectorAll('p')].filter(p => !p.closest('blockquote') && p.textContent.trim());
          const gaps = [];
          for (let i = 1; i < paragraphs.length; i++) {
            gaps.push(lines(paragraphs[i], false) - lines(paragraphs[i - 1], true));
          }
          return gaps;
        }
        """;

    private static async Task<FeedbackEntry> WaitForEntryAsync(string path)
    {
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

    private static Process StartPlayground(Uri endpoint, int port)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(PlaygroundCli)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { PlaygroundCli, "-e", endpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(int port, Process playground)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(playground.HasExited, "The Playground exited on start.");
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException("The Playground did not start serving within a minute.");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>A loopback port nothing listens on now, so parallel runs each get their own Playground.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"Screenshot: {path}");
    }
}
