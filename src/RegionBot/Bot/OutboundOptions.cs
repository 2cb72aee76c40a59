namespace RegionBot.Bot;

/// <summary>
/// How the bot calls channels' Connector services (its replies), bound from the "Outbound" configuration section:
/// short timeouts and a bound on calls in flight, so that a service that never answers cannot hold the bot's
/// sockets and memory; and, in anonymous (Emulator) mode, which hosts a sender may name as its serviceUrl.
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>The longest one Connector call may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest connecting to a Connector service may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Connector calls in flight at once; one more fails at once, which ends its turn quickly.</summary>
    public int MaxConcurrentCalls { get; set; } = 64;

    /// <summary>
    /// Connector calls in flight at once to one service (scheme, host and port), so that one slow or hostile service
    /// cannot take every slot from the others.
    /// </summary>
    public int MaxConcurrentCallsPerService { get; set; } = 16;

    /// <summary>
    /// In anonymous mode (no MicrosoftAppId, the Emulator's mode), the hosts besides loopback that an activity's
    /// serviceUrl may name, such as a tunnel the Emulator uses from another machine. Loopback (localhost, 127.0.0.0/8,
    /// ::1) is always allowed. With an app id the Bot Framework token binds the serviceUrl and this list is not used.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];
}
