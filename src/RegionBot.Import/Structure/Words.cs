namespace RegionBot.Import.Structure;

/// <summary>Splits text into words: runs between white space, with surrounding punctuation removed.</summary>
internal static class Words
{
    private static readonly char[] Punctuation = ".,;:!?\"“”‘’'()[]{}«»…—–".ToCharArray();

    public static string[] Split(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Bare)
            .Where(w => w.Length > 0)
            .ToArray();

    /// <summary>A word without the punctuation around it; a possessive "’s" stays, since it ends in a letter.</summary>
    public static string Bare(string word) => word.Trim(Punctuation);

    public static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);
}
