using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionBot.Knowledge;
using RegionBot.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// A Russian speaker's question in a real browser: headless Chromium on the page the bot serves, the stock Web Chat
/// over the bot's local Direct Line.
/// </summary>
public sealed class RussianWebChatPageTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Question = "Признаёт ли Казахстан талибов?";

    [Fact]
    public async Task A_question_typed_in_russian_is_answered_in_russian_with_the_passage_in_english()
    {
        using var bot = new KestrelBotFactory();
        bot.Start();
        var store = bot.Services.GetRequiredService<KnowledgeStore>();
        var passage = store.Search(Question).Hits[0].Passage;
        Assert.Equal("trt-kz-8", passage.Id);

        Assert.True(File.Exists(ChromiumPath), $"This browser test needs Chromium at {ChromiumPath}; install it with: apt-get install -y chromium");
        SetDefaultExpectTimeout(30_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(bot.BaseAddress.ToString());
        var chat = page.Locator("#webchat");
        var sendBox = page.GetByPlaceholder("Type your message");
        await Expect(sendBox).ToBeFocusedAsync();
        await Expect(chat.Locator("strong", new() { HasText = "RegionBot" })).ToBeVisibleAsync();
        await sendBox.FillAsync(Question);
        await page.Keyboard.PressAsync("Enter");

        // The answer's own words are Russian; the quoted passage is the source's English, said to be so.
        var answer = chat.Locator(".webchat__text-content--is-markdown:has(blockquote)").Last;
        await Expect(answer).ToContainTextAsync("Источник на английском языке");
        await Expect(answer).ToContainTextAsync("Источник: TRT World");
        await Expect(answer.Locator("blockquote")).ToContainTextAsync("does not recognise the Taliban-ruled government");
        await Expect(answer.Locator("strong", new() { HasText = "Казахстан" }).First).ToBeVisibleAsync();

        // What to ask next is offered in Russian too.
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("[А-Яа-яЁё]") }).First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
