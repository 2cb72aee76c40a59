using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>A Direct Line test's bot on Kestrel, an HTTP client to it, and the Direct Line test client over that.</summary>
public abstract class DirectLineTest : IDisposable
{
    private readonly bool ownsBot;

    protected DirectLineTest(KestrelBotFactory bot, bool ownsBot)
    {
        Bot = bot;
        this.ownsBot = ownsBot;
        Http = bot.NewClient();
        Client = new DirectLineTestClient(Http);
    }

    protected KestrelBotFactory Bot { get; }

    protected HttpClient Http { get; }

    protected DirectLineTestClient Client { get; }

    public void Dispose()
    {
        Http.Dispose();
        if (ownsBot)
        {
            Bot.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>Tests that need a bot of their own, started with their own Direct Line settings.</summary>
public abstract class OwnBotTest(params (string Key, string Value)[] settings) : DirectLineTest(Started(settings), ownsBot: true)
{
    private static KestrelBotFactory Started((string Key, string Value)[] settings)
    {
        var bot = new KestrelBotFactory();
        foreach (var (key, value) in settings)
        {
            bot.With(key, value);
        }

        return bot.Start();
    }
}

/// <summary>The running bot on Kestrel, shared by the tests of one class.</summary>
public sealed class RunningBot : IDisposable
{
    public KestrelBotFactory Bot { get; } = new KestrelBotFactory().Start();

    public void Dispose() => Bot.Dispose();
}

/// <summary>Tests that share one running bot with the default settings.</summary>
public abstract class SharedBotTest(RunningBot running) : DirectLineTest(running.Bot, ownsBot: false), IClassFixture<RunningBot>;
