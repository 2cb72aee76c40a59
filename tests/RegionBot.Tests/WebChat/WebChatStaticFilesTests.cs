using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RegionBot.Tests.Support;
using RegionBot.WebChat;

namespace RegionBot.Tests.WebChat;

/// <summary>
/// The page's files come from the static files middleware: validators and cache headers, so a browser revalidates
/// the page cheaply; and a build without npm still serves a page that says how to restore the chat.
/// </summary>
public sealed class WebChatStaticFilesTests
{
    [Fact]
    public async Task The_page_has_an_etag_and_is_revalidated_and_an_unchanged_page_costs_a_304()
    {
        await using var bot = new RegionBotFactory();
        using var client = bot.CreateClient();

        using var page = await client.GetAsync("/");
        using var bundle = await client.GetAsync("/webchat/webchat.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Headers.ETag);
        Assert.True(page.Headers.CacheControl!.NoCache);
        Assert.Equal(TimeSpan.FromDays(1), bundle.Headers.CacheControl!.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Without_the_restored_bundle_the_page_says_it_was_not_restored_and_how_to_restore_it()
    {
        using var folder = new TempDirectory();
        var built = WebChatFiles.Default.Folder;
        File.Copy(Path.Combine(built, "index.html"), Path.Combine(folder.Path, "index.html"));
        File.Copy(Path.Combine(built, "chat.js"), Path.Combine(folder.Path, "chat.js"));
        await using var bot = new RegionBotFactory().WithWebHostBuilder(host =>
            host.ConfigureTestServices(services => services.AddSingleton(new WebChatFiles(folder.Path))));
        using var client = bot.CreateClient();

        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("bundle was not restored", html, StringComparison.Ordinal);
        Assert.Contains("npm ci", html, StringComparison.Ordinal);
        Assert.Contains("src/RegionBot/WebChat", html, StringComparison.Ordinal);
    }
}
