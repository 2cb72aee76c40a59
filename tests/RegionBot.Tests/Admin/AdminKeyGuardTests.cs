using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionBot.Admin;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Admin;

/// <summary>The admin key cannot be weak, and cannot be guessed by trying: wrong keys lock out their address.</summary>
public sealed class AdminKeyGuardTests
{
    private const string AdminKey = "0123456789abcdef0123456789abcdef-admin";

    [Theory]
    [InlineData("a")]
    [InlineData("correct-horse-battery-staple")]
    [InlineData("                                        ")]
    public void The_bot_refuses_to_start_with_a_short_admin_key(string key)
    {
        var logs = new RecordingLoggerProvider();
        using var factory = new RegionBotFactory()
            .With("RegionBot:Reload:AdminKey", key)
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));

        // Which exception the test host reports for a failed start varies, so the reason is looked for in both it
        // and the log.
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var reported = Flatten(failure) + string.Concat(logs.Entries.Select(e => e.Message + (e.Exception is { } ex ? Flatten(ex) : string.Empty)));
        Assert.Contains("RegionBot:Reload:AdminKey must be at least 32 characters", reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_wrong_keys_an_address_gets_429_even_with_the_right_key_while_another_address_reloads()
    {
        using var bot = new KestrelBotFactory().With("RegionBot:Reload:AdminKey", AdminKey);
        bot.Start();
        using var guesser = LoopbackAddressClient.From(LoopbackAddressClient.Address(2), bot.BaseAddress);
        using var operatorClient = LoopbackAddressClient.From(LoopbackAddressClient.Address(3), bot.BaseAddress);

        for (var attempt = 0; attempt < AdminKeyGuard.FailuresAllowed; attempt++)
        {
            using var wrong = await guesser.SendAsync(Reload("guess-" + attempt));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var lockedOut = await guesser.SendAsync(Reload(AdminKey));
        using var fromElsewhere = await operatorClient.SendAsync(Reload(AdminKey));

        // The right key does not help the guessing address: its key is not even checked until it may try again.
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOut.StatusCode);
        Assert.True(lockedOut.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A lockout says when to try again.");
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
    }

    private static HttpRequestMessage Reload(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoints.ReloadPath);
        request.Headers.TryAddWithoutValidation(AdminEndpoints.KeyHeader, key);
        return request;
    }

    private static string Flatten(Exception failure) =>
        failure is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : failure.Message + (failure.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
