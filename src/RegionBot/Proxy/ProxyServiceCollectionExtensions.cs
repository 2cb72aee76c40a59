using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RegionBot.Proxy;

public static class ProxyServiceCollectionExtensions
{
    /// <summary>
    /// Registers forwarded-header handling for the configured proxies (<see cref="ProxyOptions"/>), so that behind
    /// a reverse proxy the per-address limits see the user's address and the web chat builds its own links with
    /// the scheme the user used.
    /// </summary>
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.SectionName))
            .Validate(o => o.KnownProxies.TrueForAll(proxy => IPAddress.TryParse(proxy, out _)), "ForwardedHeaders:KnownProxies must hold IP addresses, for example 10.0.0.5.")
            .Validate(o => o.KnownNetworks.TrueForAll(network => System.Net.IPNetwork.TryParse(network, out _)), "ForwardedHeaders:KnownNetworks must hold networks in CIDR notation, for example 10.0.0.0/24.")
            .Validate(o => o.ForwardLimit > 0, "ForwardedHeaders:ForwardLimit must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxies.Value.ForwardLimit;

            // The framework trusts loopback by default; only the configured proxies are trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>
    /// Applies the forwarded headers of configured proxies before anything else reads the caller's address or
    /// scheme; with no proxy configured it adds nothing.
    /// </summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
