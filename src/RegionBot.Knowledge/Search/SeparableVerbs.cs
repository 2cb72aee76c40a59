namespace RegionBot.Knowledge.Search;

/// <summary>
/// Puts a verb's particle back beside it ("did Uzbekistan hand the aircraft back to the Taliban?" is read as "hand back
/// the aircraft"), so that the phrase ("hand back", "sent back") is found whole, as a passage or the lexicon says it.
/// </summary>
internal static class SeparableVerbs
{
    /// <summary>At most this many words may stand between a verb and its particle.</summary>
    private const int MaxObjectWords = 5;

    /// <summary>
    /// The words with each separated particle moved to follow its verb. A particle counts only where it ends the
    /// question or comes before "to": "hand the aircraft back to the Taliban", not "send troops back home".
    /// </summary>
    public static string[] Join(string[] words, Lexicon lexicon)
    {
        string[]? joined = null;
        for (var i = 0; i + 2 < words.Length; i++)
        {
            var current = joined ?? words;
            if (!lexicon.SeparableVerbs.Contains(current[i]) || lexicon.Particles.Contains(current[i + 1]))
            {
                continue;
            }

            // The object ends at a conjunction: "send aid and get anything back" separates nothing.
            for (var j = i + 2; j < current.Length && j <= i + 1 + MaxObjectWords && current[j] is not ("and" or "or" or "but"); j++)
            {
                if (lexicon.Particles.Contains(current[j]) && (j + 1 == current.Length || current[j + 1] is "to"))
                {
                    joined ??= (string[])words.Clone();
                    var particle = joined[j];
                    Array.Copy(joined, i + 1, joined, i + 2, j - i - 1);
                    joined[i + 1] = particle;
                    break;
                }
            }
        }

        return joined ?? words;
    }
}
