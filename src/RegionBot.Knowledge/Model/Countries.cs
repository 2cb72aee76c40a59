namespace RegionBot.Knowledge.Model;

/// <summary>The country values a passage may carry.</summary>
public static class Countries
{
    /// <summary>The value for passages about the region as a whole rather than one country.</summary>
    public const string Region = "Region";

    /// <summary>Afghanistan's Central Asian neighbours, the countries RegionBot is about.</summary>
    public static readonly IReadOnlyList<string> CentralAsia =
        ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"];

    public static bool IsKnown(string country) =>
        string.Equals(country, Region, StringComparison.Ordinal) || CentralAsia.Contains(country, StringComparer.Ordinal);
}
