namespace RegionBot.Knowledge.Languages;

/// <summary>Whether two words are at most one typo apart.</summary>
internal static class Edits
{
    /// <summary>True when one letter added, dropped or changed, or two neighbouring letters swapped, turns one into the other.</summary>
    public static bool WithinOne(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        if (a.Length == b.Length)
        {
            var swapped = start + 1 < a.Length && a[start] == b[start + 1] && a[start + 1] == b[start]
                && a.AsSpan(start + 2).SequenceEqual(b.AsSpan(start + 2));
            return swapped || a.AsSpan(start + 1).SequenceEqual(b.AsSpan(start + 1));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(start + 1).SequenceEqual(shorter.AsSpan(start));
    }
}
