namespace RegionBot.Metrics;

/// <summary>The Prometheus scrape endpoint, bound from the "Metrics" configuration section. Off by default.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>The shortest scrape key accepted: long enough that guessing it is hopeless.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Serve <c>GET /metrics</c> in the Prometheus text format.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The secret a scraper sends as <c>Authorization: Bearer KEY</c> (Prometheus: <c>authorization: credentials</c>).
    /// Required when <see cref="Enabled"/>, at least <see cref="MinimumKeyLength"/> characters; keep it out of git.
    /// </summary>
    public string Key { get; set; } = string.Empty;
}
