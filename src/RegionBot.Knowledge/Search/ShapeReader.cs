namespace RegionBot.Knowledge.Search;

/// <summary>
/// Reads how a question relates to the conversation and what shape of answer it wants, beyond what it is about:
/// whether it points back, wants more, compares, asks about several countries, asks for the big picture, for someone's
/// own words, or for a reason (<see cref="QuestionShape"/>).
/// </summary>
internal sealed class ShapeReader(Lexicon lexicon)
{
    /// <param name="named">For each word, whether it names a country or person.</param>
    /// <param name="concepts">What the question was read to be about.</param>
    public QuestionShape Read(string[] words, bool[] named, IReadOnlyList<Concept> concepts)
    {
        var opening = string.Join(' ', words.Take(2));
        var refersBack = words.Any(lexicon.BackReferenceWords.Contains)
            || opening is "what about" or "how about" || words.FirstOrDefault() is "and" or "also";
        return new QuestionShape(
            refersBack,
            words.Any(lexicon.MoreWords.Contains),
            words.Any(lexicon.CompareWords.Contains),
            words.Any(lexicon.SeveralWords.Contains),
            named.Length > 0 && !named.Contains(false),
            words.Any(lexicon.OverviewWords.Contains),
            AsksQuote(words),
            words.Any(lexicon.WhyWords.Contains),
            AsksDefinition(words, concepts),
            words.Any(word => lexicon.OngoingWords.Contains(word) || lexicon.OngoingAskedWords.Contains(word)) || AsksWhatIsGoingOn(words));
    }

    /// <summary>
    /// "What is the Taliban?", "who are the Taliban?", "who founded the Taliban?", "what does Taliban mean?": a question
    /// asking what a topic itself is: a definition word, or "what/who is" followed by nothing but topic words.
    /// </summary>
    private bool AsksDefinition(string[] words, IReadOnlyList<Concept> concepts)
    {
        var meaningful = words.Where(w => w is not ("the" or "a" or "an")).ToArray();
        if (meaningful.Any(lexicon.DefinitionWords.Contains))
        {
            return true;
        }

        var topicWords = concepts.Where(c => c.Kind == ConceptKind.Topic).SelectMany(c => c.Said.Split(' ')).ToHashSet(StringComparer.Ordinal);
        return meaningful.Length > 2 && meaningful[0] is "what" or "who" && meaningful[1] is "is" or "are" or "was" or "were"
            && meaningful.Skip(2).All(topicWords.Contains);
    }

    /// <summary>
    /// "Is Uzbekistan talking to the Taliban?": a yes-or-no question in the present progressive asks whether something
    /// goes on now, which "we are in contact every day" tells and "talks began two years ago" does not.
    /// </summary>
    private bool AsksWhatIsGoingOn(string[] words)
    {
        if (words.Length < 3 || words[0] is not ("is" or "are"))
        {
            return false;
        }

        // A word in "-ing" after an article or a determiner is a noun ("is the meeting in Tashkent?", "is there
        // anything on ..."), not the verb.
        for (var i = 2; i < words.Length && i <= 4; i++)
        {
            if (words[i].Length > 5 && words[i].EndsWith("ing", StringComparison.Ordinal) && !lexicon.NotProgressiveWords.Contains(words[i])
                && !lexicon.DeterminerWords.Contains(words[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private bool AsksQuote(string[] words)
    {
        if (words.Any(lexicon.QuoteWords.Contains))
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is "exact" or "own" or "actual" && words[i + 1] is "words" or "wording")
            {
                return true;
            }
        }

        return false;
    }
}
