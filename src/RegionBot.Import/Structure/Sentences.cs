namespace RegionBot.Import.Structure;

/// <summary>
/// Splits a paragraph into sentences at a full stop, question or exclamation mark (and any closing quote after it)
/// followed by a space and a capital, a digit or an opening quote. Initials and common abbreviations do not end one.
/// </summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "prof", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "u.k"], StringComparer.OrdinalIgnoreCase);

    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '”' or '’' or '\'' or ')')
            {
                end++;
            }

            if (end >= paragraph.Length || paragraph[end] != ' ' || end + 1 >= paragraph.Length)
            {
                continue;
            }

            var next = paragraph[end + 1];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '\'') || IsAbbreviation(paragraph, i))
            {
                continue;
            }

            sentences.Add(paragraph[start..end].Trim());
            start = end + 1;
        }

        if (start < paragraph.Length && paragraph[start..].Trim().Length > 0)
        {
            sentences.Add(paragraph[start..].Trim());
        }

        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > 0 && text[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = text[wordStart..dot].TrimStart('(', '"', '“');
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
