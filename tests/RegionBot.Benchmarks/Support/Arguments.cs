using System.Globalization;

namespace RegionBot.Benchmarks.Support;

/// <summary>Reads <c>--name value</c> options of the benchmark commands.</summary>
public sealed class Arguments(string[] args)
{
    public int Int(string name, int fallback) =>
        Value(name) is { } value ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        Value(name) is { } value ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Value(name) ?? fallback;

    public IReadOnlyList<string> List(string name, string fallback) =>
        String(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every <c>--name NAME=VALUE</c> pair given, for environment variables of the measured app.</summary>
    public IReadOnlyDictionary<string, string> Pairs(string name)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (string.Equals(args[i], "--" + name, StringComparison.Ordinal) && args[i + 1].Split('=', 2) is [var key, var value])
            {
                pairs[key] = value;
            }
        }

        return pairs;
    }

    private string? Value(string name)
    {
        var index = Array.FindIndex(args, a => string.Equals(a, "--" + name, StringComparison.Ordinal));
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
