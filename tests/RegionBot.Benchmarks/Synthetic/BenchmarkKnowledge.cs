using System.Globalization;
using RegionBot.Benchmarks.Support;
using RegionBot.Knowledge.Search;

namespace RegionBot.Benchmarks.Synthetic;

/// <summary>The knowledge sizes the benchmarks compare: the shipped article, and synthetic knowledge 10k and 100k passages strong.</summary>
public static class BenchmarkKnowledge
{
    public const string Shipped = "shipped";

    /// <summary>The folder for a size name: "shipped", or a passage count such as "10k", "100k" or "2500".</summary>
    public static string Directory(string size) =>
        string.Equals(size, Shipped, StringComparison.OrdinalIgnoreCase)
            ? RepositoryPaths.Knowledge
            : SyntheticKnowledge.EnsureGenerated(new SyntheticKnowledgeSpec(ParseCount(size)));

    /// <summary>
    /// Search options whose on-disk index lives in a benchmark folder of its own for the measurement and the size,
    /// so benchmarks neither use nor disturb the index of a developer's running bot, nor delete each other's.
    /// </summary>
    public static SearchOptions Options(string measurement, string size) => new()
    {
        IndexPath = Path.Combine(Path.GetTempPath(), "regionbot-bench-index", measurement, size),
    };

    public static int ParseCount(string size)
    {
        var thousands = size.EndsWith('k') || size.EndsWith('K');
        var digits = thousands ? size[..^1] : size;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new ArgumentException($"'{size}' is not a knowledge size: use 'shipped' or a passage count such as 10k.", nameof(size));
        }

        return thousands ? count * 1000 : count;
    }
}
