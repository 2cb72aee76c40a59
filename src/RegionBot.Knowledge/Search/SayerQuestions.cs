namespace RegionBot.Knowledge.Search;

/// <summary>
/// Reads who a question asks the words of: "what did Qureshi tell Rahmon?", "how did Putin respond?", "что Куреши
/// ответил Рахмону?". Such a question is answered only by a passage where that person speaks, or one that reports them
/// saying something (<see cref="NearMatches"/>): a passage where Rahmon speaks during a meeting with Qureshi gives
/// nothing Qureshi said.
/// </summary>
internal sealed class SayerQuestions
{
    /// <summary>At most this many words name the person: "Shah Mahmood Qureshi".</summary>
    private const int MaxNameWords = 3;

    private readonly Lexicon lexicon;
    private readonly string[] speechTerms;

    /// <param name="analyze">The search's analyzer, which turns a word into its terms.</param>
    public SayerQuestions(Lexicon lexicon, Func<string, IReadOnlyList<string>> analyze)
    {
        this.lexicon = lexicon;
        speechTerms = lexicon.SpeechWords.Select(analyze).Where(terms => terms.Count == 1).Select(terms => terms[0]).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The person whose words the question asks for, or null. The question must read "what/how (did) NAME VERB", with
    /// a verb of saying right after the name, so that "what did Tokayev and Putin discuss" or "what did Rahmon say to
    /// Qureshi" asks only for what the first named said. Russian order, "о чём говорил Токаев", reads "what VERB NAME".
    /// </summary>
    /// <param name="personTerms">The terms a word names a person by, or null when the word names no person.</param>
    public Sayer? Read(string[] words, Func<string, IReadOnlyList<string>?> personTerms)
    {
        for (var verb = 1; verb < words.Length; verb++)
        {
            if (!lexicon.SpeechWords.Contains(words[verb]))
            {
                continue;
            }

            // A name's other words may be English words ("Shah Mahmood Qureshi"): they count once a word of the
            // name is known to name a person.
            var person = new List<string>();
            var before = verb - 1;
            while (before >= 0 && verb - before <= MaxNameWords)
            {
                if (personTerms(words[before]) is { Count: > 0 } terms)
                {
                    person.AddRange(terms);
                }
                else if (person.Count == 0 || lexicon.GenericWords.Contains(words[before]) || !lexicon.EnglishWords.Contains(words[before]))
                {
                    break;
                }

                before--;
            }

            if (person.Count == 0)
            {
                continue;
            }

            if (before >= 0 && lexicon.AuxiliaryWords.Contains(words[before]))
            {
                before--;
            }

            if (before >= 0 && words[before] is "what" or "whats" or "how")
            {
                return new Sayer(person.Distinct(StringComparer.Ordinal).ToArray(), speechTerms);
            }
        }

        for (var verb = 1; verb + 1 < words.Length; verb++)
        {
            if (words[verb - 1] is "what" && lexicon.SpeechWords.Contains(words[verb]) && personTerms(words[verb + 1]) is { Count: > 0 } terms)
            {
                return new Sayer(terms, speechTerms);
            }
        }

        return null;
    }
}
