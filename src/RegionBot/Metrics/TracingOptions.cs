namespace RegionBot.Metrics;

/// <summary>Trace export, bound from the "Tracing" configuration section. Off by default.</summary>
public sealed class TracingOptions
{
    public const string SectionName = "Tracing";

    /// <summary>
    /// Where traces go, as OTLP over HTTP (protobuf): a collector's full traces URL such as
    /// <c>http://collector:4318/v1/traces</c>. Empty: no traces are recorded at all.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>The collector's URL when <paramref name="endpoint"/> is an absolute http(s) URL.</summary>
    public static bool TryGetCollector(string? endpoint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? collector)
    {
        collector = null;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        collector = uri;
        return true;
    }
}
