namespace RegionBot.Bot;

/// <summary>
/// The HTTP clients the Bot Framework SDK makes its Connector calls with. The SDK asks its factory for the default
/// client; this hands out the bot's own named client instead, with its timeouts and <see cref="OutboundCallLimiter"/>,
/// so that nothing else registered under the default name changes the Connector's behaviour or the other way round.
/// </summary>
public sealed class ConnectorHttpClients(IHttpClientFactory clients) : IHttpClientFactory
{
    public const string ClientName = "BotConnector";

    public HttpClient CreateClient(string name) => clients.CreateClient(ClientName);
}
