namespace RegionBot.Benchmarks.Support;

/// <summary>Latency percentiles by the nearest-rank method, which needs no interpolation between samples.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedSamples, double percentile)
    {
        if (sortedSamples.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sortedSamples.Count);
        return sortedSamples[Math.Clamp(rank - 1, 0, sortedSamples.Count - 1)];
    }
}
