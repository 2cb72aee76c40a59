using RegionBot.Knowledge.Languages;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// What a passage must say to answer, however close its meaning (facts.txt, "must-say"): what happened to someone
/// ("were the pilots sent back?"), recognition asked of a country, and subjects beside the field ("is it safe to
/// travel to Samarkand?"). A passage lacking it is no answer, and meaning cannot vouch for it.
/// </summary>
internal static class MustSay
{
    /// <summary>
    /// Whether <paramref name="concept"/>, in the user's words, must be said by the passage: it is a must-say word or
    /// phrase (<see cref="Concept.MustBeSaid"/>), and not one the question offers as an alternative ("still working,
    /// or have they been shut?", "open or closed?"), hopes for, chose to do, or asks as a purpose or possibility. "Or
    /// not" only asks yes or no, and "or" between two nouns ("the pilots or soldiers") offers no alternative to the
    /// verb.
    /// </summary>
    public static bool Applies(IReadOnlyList<string> words, Concept concept, Lexicon lexicon)
    {
        if (!concept.MustBeSaid)
        {
            return false;
        }

        var said = concept.Said.Split(' ');
        return !OfferedAsAlternative(words, said, lexicon) && !FollowedByAlternative(words, said)
            && !Expected(words, said[0], lexicon) && !Chosen(words, said, lexicon) && !Purpose(words, said, lexicon);
    }

    /// <summary>
    /// "Uzbekistan opened the border to send aid": after "to", the act says what something was for, which a passage
    /// telling of it gives. "Can one send cargo through the Turkmen border now?" asks whether it may be done, which a
    /// passage saying the crossings operate answers. "Did Kazakhstan send aid" asks whether it was done.
    /// </summary>
    private static bool Purpose(IReadOnlyList<string> words, string[] said, Lexicon lexicon) =>
        said.Length == 1 && lexicon.PurposeWords.Contains(said[0])
        && At(words, said[0]).Any(i => i > 0
            && (words[i - 1] is "to" || words.Skip(Math.Max(0, i - MaxModalDistance)).Take(Math.Min(i, MaxModalDistance)).Any(word => word is "can" or "could")));

    /// <summary>How far before the act "can" may stand ("can one now send").</summary>
    private const int MaxModalDistance = 3;

    /// <summary>
    /// "What happened before Russia decided to help Tajikistan?", read from Russian as "Russia decided help": a choice
    /// followed by the act chosen asks about the act, which the rest of the question names. Followed by "on", "whether"
    /// or nothing ("what did the CSTO decide?"), the decision itself is asked for; so it is before a Russian word the
    /// lexicon could not read, which names no act, and before an act that says nothing ("decide to do"). Russian puts
    /// the act right after the verb, without "to" ("решила помочь", read "decided aid"), so any word that is not
    /// generic counts as the act chosen.
    /// </summary>
    private static bool Chosen(IReadOnlyList<string> words, string[] said, Lexicon lexicon) =>
        said.Length == 1 && lexicon.ChoseToWords.Contains(said[0])
        && At(words, said[0]).Any(i => i + 1 < words.Count
            && ((words[i + 1] is "to" && i + 2 < words.Count && !lexicon.GenericWords.Contains(words[i + 2]))
                || (!lexicon.GenericWords.Contains(words[i + 1]) && !RussianText.IsCyrillic(words[i + 1]))));

    /// <summary>
    /// "Was it held in person or online?": a phrase the question ends by offering an alternative to asks nothing a
    /// passage must say. An "or" further from the end joins two things asked about ("what decisions or joint
    /// declaration came out of the session"), each of which the passage must tell of.
    /// </summary>
    private static bool FollowedByAlternative(IReadOnlyList<string> words, string[] said)
    {
        for (var i = 0; i + said.Length < words.Count; i++)
        {
            var or = i + said.Length;
            if (words.Skip(i).Take(said.Length).SequenceEqual(said, StringComparer.Ordinal)
                && words[or] is "or" && words.Count - or <= MaxAlternativeWords + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most words an alternative closing the question has ("or online", "or still open").</summary>
    private const int MaxAlternativeWords = 2;

    /// <summary>
    /// "Is Kyrgyzstan hopeful the Taliban will keep their word?", "who said he hopes the Taliban keep their promises":
    /// what someone will or would do, or is hoped or urged to do, is a hope or a stance a passage tells in its own
    /// words, not an event it must name. "Will Kazakhstan recognise them?" puts the subject between, and still asks for
    /// recognition; a "will" opening the question ("will elections be held?") is followed by its subject, not its verb.
    /// </summary>
    private static bool Expected(IReadOnlyList<string> words, string first, Lexicon lexicon)
    {
        foreach (var i in At(words, first).Where(i => i > 0))
        {
            if (words.Take(i).Any(lexicon.WishWords.Contains))
            {
                return true;
            }

            var auxiliary = words[i - 1] is "not" && i > 2 ? i - 2 : i - 1;
            if (auxiliary > 0 && words[auxiliary] is "will" or "would")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Will Kazakhstan recognise them, or has it already?", "open or closed?": a must-say word after "or" and an
    /// auxiliary, or after "or" and itself. So is a phrase that an "or" puts last as the other choice ("was the session
    /// held online or face to face?").
    /// </summary>
    private static bool OfferedAsAlternative(IReadOnlyList<string> words, string[] said, Lexicon lexicon)
    {
        // The phrase read may hold the "or" itself ("or face to face").
        var choice = said[0] is "or" ? said[1..] : said;
        var last = words.Count - choice.Length;
        if (last >= 1 && words[last - 1] is "or" && words.Skip(last).SequenceEqual(choice, StringComparer.Ordinal))
        {
            return true;
        }

        var first = said[0];

        for (var i = 0; i + 1 < words.Count && !string.Equals(words[i], first, StringComparison.Ordinal); i++)
        {
            if (words[i] is "or" && (lexicon.AuxiliaryWords.Contains(words[i + 1]) || words[i + 1] is "are" or "were" or "been"
                || string.Equals(words[i + 1], first, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where <paramref name="word"/> stands among the question's words.</summary>
    private static IEnumerable<int> At(IReadOnlyList<string> words, string word) =>
        Enumerable.Range(0, words.Count).Where(i => string.Equals(words[i], word, StringComparison.Ordinal));
}
