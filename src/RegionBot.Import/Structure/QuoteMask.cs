namespace RegionBot.Import.Structure;

/// <summary>
/// Finds what a paragraph quotes and replaces each quotation with <see cref="Marker"/>, so that the words around it
/// ("…," said the Tajik leader) can be read without the words inside it being taken for the attribution.
/// </summary>
internal sealed class QuoteMask
{
    /// <summary>Stands for a quotation in the masked text; a word no article uses.</summary>
    public const string Marker = "⁂";

    private QuoteMask(string masked, int quotedLength, bool opensWithQuote)
    {
        Masked = masked;
        QuotedLength = quotedLength;
        OpensWithQuote = opensWithQuote;
    }

    public string Masked { get; }

    /// <summary>How many characters of the paragraph are quoted.</summary>
    public int QuotedLength { get; }

    /// <summary>Whether the paragraph starts with a quotation, as a quoted statement does.</summary>
    public bool OpensWithQuote { get; }

    public static QuoteMask Of(string paragraph)
    {
        var spans = new List<(int Start, int End)>();
        var opens = paragraph.Length > 0 && paragraph[0] is '"' or '“' or '‘' or '\'';
        var from = 0;
        if (opens && ClosingOfOpeningQuote(paragraph) is { } close)
        {
            spans.Add((0, close));
            from = close + 1;
        }

        for (var i = from; i < paragraph.Length; i++)
        {
            var atWordStart = i == 0 || paragraph[i - 1] is ' ' or '(' or '\u00A0';
            if (!atWordStart || paragraph[i] is not ('"' or '“'))
            {
                continue;
            }

            var end = paragraph.IndexOfAny(['"', '”'], i + 1);
            if (end < 0)
            {
                break;
            }

            spans.Add((i, end));
            i = end;
        }

        var masked = new System.Text.StringBuilder();
        var position = 0;
        foreach (var (start, end) in spans)
        {
            masked.Append(paragraph, position, start - position).Append(' ').Append(Marker).Append(' ');
            position = end + 1;
        }

        masked.Append(paragraph, position, paragraph.Length - position);
        return new QuoteMask(masked.ToString().Trim(), spans.Sum(s => s.End - s.Start + 1), opens && spans.Count > 0);
    }

    /// <summary>
    /// Where a quotation that opens the paragraph ends: at the last closing quote right after punctuation (',”' or
    /// '."'), or at the paragraph's end when it ends with a quote mark. Apostrophes inside words do not close it.
    /// </summary>
    private static int? ClosingOfOpeningQuote(string paragraph)
    {
        for (var i = paragraph.Length - 1; i > 0; i--)
        {
            if (paragraph[i] is '"' or '”' or '’' or '\'' && paragraph[i - 1] is ',' or '.' or '?' or '!')
            {
                return i;
            }
        }

        return null;
    }
}
