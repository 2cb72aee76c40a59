using System.Text.RegularExpressions;

namespace RegionBot.Replies;

/// <summary>
/// Picks the sentence of a passage that best answers a question: the one sharing the most of the question's words
/// (compared by their first five letters, so "recognise" meets "recognition"), the earlier one on a tie. The
/// sentence is quoted as the source wrote it; nothing is rewritten.
/// </summary>
public static partial class DirectAnswer
{
    private const int StemLength = 5;

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "a", "about", "an", "and", "any", "are", "as", "at", "be", "by", "can", "did", "do", "does", "for", "from",
        "has", "have", "he", "her", "his", "how", "in", "into", "is", "it", "its", "me", "of", "on", "or", "say",
        "said", "she", "so", "tell", "that", "the", "their", "them", "they", "this", "to", "was", "were", "what",
        "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you", "taliban", "afghanistan",
    };

    /// <summary>The sentence of <paramref name="passageText"/> that best answers <paramref name="question"/>.</summary>
    public static string BestSentence(string passageText, string question)
    {
        var sentences = Sentences(passageText);
        var wanted = Stems(question).ToHashSet(StringComparer.Ordinal);
        var best = sentences[0];
        var bestScore = 0;
        foreach (var sentence in sentences)
        {
            var score = Stems(sentence).Distinct(StringComparer.Ordinal).Count(wanted.Contains);
            if (score > bestScore)
            {
                (best, bestScore) = (sentence, score);
            }
        }

        return best;
    }

    /// <summary>The passage's sentences: split after a full stop, question or exclamation mark (and a closing quote) before a capital.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = SentenceBreak().Split(text.Trim()).Where(s => s.Length > 0).ToArray();
        return sentences.Length == 0 ? [text] : sentences;
    }

    private static IEnumerable<string> Stems(string text) =>
        Word().Matches(text.ToLowerInvariant())
            .Select(match => match.Value)
            .Where(word => !QuestionWords.Contains(word))
            .Select(word => word.Length > StemLength ? word[..StemLength] : word);

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“‘(]?\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
