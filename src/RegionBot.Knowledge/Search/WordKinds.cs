using RegionBot.Knowledge.Languages;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// What kind of word a question holds beyond the lexicon's lists: a person's name ("qureshi"), shorthand ("ok",
/// "10th"), a compound of names ("turkmen-afghan") or of English words ("ex-soviet").
/// </summary>
/// <param name="analyze">The search's analyzer, which turns a word into its terms.</param>
/// <param name="topicStems">The stems of the topic words every passage is about.</param>
internal sealed class WordKinds(Lexicon lexicon, SpeakerAliases speakers, TypoCorrector corrector, Func<string, IReadOnlyList<string>> analyze, IReadOnlySet<string> topicStems)
{
    /// <summary>
    /// The terms a word names a person by: a speaker's whole name ("tokaev" names Kassym-Jomart Tokayev), a person the
    /// knowledge mentions ("putin"), or a word that is no English word, place or topic ("qureshi"). Null otherwise.
    /// </summary>
    public IReadOnlyList<string>? PersonTerms(string word)
    {
        if (speakers.Closest(word) is { } speaker)
        {
            return analyze(speaker.Speaker);
        }

        if (lexicon.MentionedAliases.TryGetValue(word, out var actor) || lexicon.UncoveredAliases.TryGetValue(word, out actor))
        {
            return actor.Split(' ') is { Length: > 1 } names && !names.Any(n => lexicon.NotPersonWords.Contains(n.ToLowerInvariant())) ? analyze(actor) : null;
        }

        var isName = word.Length >= 3 && word.All(char.IsLetter) && !lexicon.EnglishWords.Contains(word) && !lexicon.CountryAliases.ContainsKey(word)
            && !lexicon.GenericWords.Contains(word) && !topicStems.Contains(Key(analyze(word))) && !RussianText.IsCyrillic(word);
        return isName ? analyze(word) : null;
    }

    /// <summary>
    /// A single character is a rank or shorthand ("no.1", "top 3", "talks w/ the taliban"), and so are two letters that
    /// make no word of the knowledge or the lexicon ("ok", "pm") and an ordinal ("10th graders"): not a word the answer
    /// must contain.
    /// </summary>
    public bool IsShorthand(string word) =>
        word.Length == 1
        || (word.Length == 2 && word.All(char.IsAsciiLetter) && !corrector.IsWord(word))
        || (word.Length > 2 && word[..^2].All(char.IsAsciiDigit) && word[^2..] is "st" or "nd" or "rd" or "th");

    /// <summary>
    /// A compound of names ("turkmen-afghan", "russia-tajikistan") is read as its names, each pointing at its country or
    /// actor; other compounds ("kassym-jomart", "al-qaeda", "ex-soviet") stay whole.
    /// </summary>
    public IEnumerable<string> SplitNames(string word)
    {
        if (!word.Contains('-', StringComparison.Ordinal))
        {
            return [word];
        }

        var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var allNames = parts.Length > 1 && parts.All(part => lexicon.CountryAliases.ContainsKey(part) || lexicon.MentionedAliases.ContainsKey(part)
            || lexicon.UncoveredAliases.ContainsKey(part) || topicStems.Contains(Key(analyze(part))));
        return allNames ? parts : [word];
    }

    /// <summary>A compound of English words ("ex-soviet", "pro-taliban"): a word of the language, not a name.</summary>
    public bool IsCompound(string word) =>
        word.Contains('-', StringComparison.Ordinal) && word.Split('-').All(part => part.Length > 0 && corrector.IsWord(part));

    private static string Key(IReadOnlyList<string> terms) => string.Join(' ', terms);
}
