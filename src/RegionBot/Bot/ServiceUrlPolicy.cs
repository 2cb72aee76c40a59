using System.Net;
using Microsoft.Extensions.Options;

namespace RegionBot.Bot;

/// <summary>
/// Which serviceUrls the bot may call. With an app id, the channel's token vouches for the serviceUrl, so any is
/// allowed. Without one (anonymous, the Emulator's mode) nobody vouches for it, so only loopback hosts and the
/// configured <see cref="OutboundOptions.AllowedServiceUrlHosts"/> are allowed: otherwise anyone could make the bot
/// send requests anywhere.
/// </summary>
public sealed class ServiceUrlPolicy(IConfiguration configuration, IOptions<OutboundOptions> options)
{
    /// <summary>Whether the bot runs without a Microsoft app id: the Emulator and local web chat mode.</summary>
    public bool IsAnonymous { get; } = IsAnonymousMode(configuration);

    public static bool IsAnonymousMode(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public bool IsAllowed(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    public bool IsAllowed(Uri uri)
    {
        if (!IsAnonymous)
        {
            return true;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        if (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        return options.Value.AllowedServiceUrlHosts.Any(host => string.Equals(host, uri.IdnHost, StringComparison.OrdinalIgnoreCase));
    }
}
