using RegionBot.Tests.Support;

namespace RegionBot.Tests.DirectLine;

/// <summary>Tests that need a bot of their own on Kestrel, started with their own Direct Line settings.</summary>
public abstract class OwnBotTest : IDisposable
{
    protected OwnBotTest(params (string Key, string Value)[] settings)
    {
        Bot = new KestrelBotFactory();
        foreach (var (key, value) in settings)
        {
            Bot.With(key, value);
        }

        Bot.Start();
        Http = Bot.NewClient();
        Client = new DirectLineTestClient(Http);
    }

    protected KestrelBotFactory Bot { get; }

    protected HttpClient Http { get; }

    protected DirectLineTestClient Client { get; }

    public void Dispose()
    {
        Http.Dispose();
        Bot.Dispose();
        GC.SuppressFinalize(this);
    }
}
