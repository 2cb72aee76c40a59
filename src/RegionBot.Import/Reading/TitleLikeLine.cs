namespace RegionBot.Import.Reading;

/// <summary>
/// Recognises a heading in text that has no markup for one: a short line on its own, starting with a capital and
/// not ending like a sentence, as the seed article's "Kazakhstan: military mobilisation".
/// </summary>
internal static class TitleLikeLine
{
    /// <summary>Longer lines are sentences even when they lack a full stop.</summary>
    private const int MaxWords = 12;

    private const int MaxLength = 100;

    public static bool IsTitleLike(string line)
    {
        var text = line.Trim();
        if (text.Length is < 3 or > MaxLength || !char.IsUpper(text[0]))
        {
            return false;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var last = text[^1];
        return words.Length <= MaxWords && !".!?,;:\"”’'…".Contains(last, StringComparison.Ordinal);
    }
}
