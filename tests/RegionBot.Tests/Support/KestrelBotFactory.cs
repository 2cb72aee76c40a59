using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RegionBot.Tests.Support;

/// <summary>
/// The real application on real Kestrel at a random loopback port, as the local Direct Line needs real sockets:
/// it calls the bot's messaging endpoint and the bot calls its Connector endpoint back over HTTP, and a browser
/// can only reach a real server. Time is a fake clock that tests move forward to expire tokens and conversations.
/// </summary>
public sealed class KestrelBotFactory : RegionBotFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The server's base address, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Adds a configuration value, keeping the Kestrel factory's type so that <see cref="Start"/> can follow.</summary>
    public new KestrelBotFactory With(string key, string value)
    {
        base.With(key, value);
        return this;
    }

    /// <summary>Starts the server; call after any <see cref="With"/>.</summary>
    public KestrelBotFactory Start()
    {
        // Kestrel binds the port itself. UseKestrel(0) has the factory rewrite the server's addresses after the app
        // has started its own Kestrel, which races with the bind and now and then throws (dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return this;
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
