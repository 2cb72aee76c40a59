using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Search;

/// <summary>A passage chosen for an answer, with its relevance.</summary>
/// <param name="Score">The ranking score (BM25 scaled by coverage); only comparable within one answer.</param>
/// <param name="Confidence">How much of the question the passage covers, from 0 to 1.</param>
public sealed record PassageHit(Passage Passage, float Score, float Confidence)
{
    /// <summary>
    /// The passage lacks what the question asks for beyond its words: a number, a time, a date, or the holder of an
    /// office named with the office. Its confidence is cut for it, and meaning cannot vouch for it.
    /// </summary>
    public bool LacksAskedFact { get; init; }

    /// <summary>
    /// The passage lacks a name the question gives that the knowledge does not know ("Ashraf Ghani", "Serhetabat"):
    /// what the question is most likely about. Meaning cannot vouch for it.
    /// </summary>
    public bool LacksName { get; init; }

    /// <summary>
    /// How well the passage fits the shape of answer the question wants (<see cref="AnswerPreference.OfShape"/>): above
    /// 1 for a quotation when it asks for someone's words, and for something said to go on when it asks whether it still
    /// does.
    /// </summary>
    public float Preference { get; init; } = 1f;

    /// <summary>
    /// The question asks why of a country, and the passage gives a reason or purpose (<see cref="PassageFacts.GivesReason"/>).
    /// </summary>
    public bool GivesReasonAsked { get; init; }
}

/// <summary>Why the knowledge gave no answer.</summary>
public enum NoAnswerReason
{
    /// <summary>The question has no searchable words (empty, whitespace, punctuation only).</summary>
    EmptyQuestion,

    /// <summary>The question is about a country or actor outside the knowledge.</summary>
    NotCovered,

    /// <summary>The best match covers too little of the question to be an answer.</summary>
    WeakMatch,
}

/// <summary>
/// What the previous turn of a conversation was about, so that a follow-up ("What about Tajikistan?", "What did he
/// say about it?") can be completed from it.
/// </summary>
/// <param name="Topic">The previous question's subject words (<see cref="SearchAnswer.Topic"/>).</param>
/// <param name="ShownPassageIds">Passages already shown, left out when the user asks for more ("What else ...?").</param>
public sealed record SearchContext(
    string? Topic,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> ShownPassageIds)
{
    /// <summary>The context a conversation carries on from an answer.</summary>
    public static SearchContext From(SearchAnswer answer) =>
        new(answer.Topic, answer.DetectedCountries, answer.Speakers, answer.ShownBefore.Concat(answer.Hits.Select(h => h.Passage.Id)).Distinct(StringComparer.Ordinal).ToArray());
}

/// <summary>The result of one search: the best passages, or the reason there are none.</summary>
/// <param name="DetectedCountries">The countries the question is about, named or carried over from the conversation.</param>
public sealed record SearchAnswer(
    string Question,
    IReadOnlyList<PassageHit> Hits,
    NoAnswerReason? NoAnswer,
    IReadOnlyList<string> CoveredCountries,
    IReadOnlyList<string> DetectedCountries)
{
    public bool HasAnswer => Hits.Count > 0;

    /// <summary>
    /// What the question asks about, in the user's words without names and question words ("recognise Taliban");
    /// null when it only names a country or person. A follow-up carries it over.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>
    /// The English words a question in Russian was read as and searched for ("recognise Kazakhstan taliban"); null
    /// when the question was searched as written.
    /// </summary>
    public string? ReadAs { get; init; }

    /// <summary>The speakers the question is about, named or carried over from the conversation.</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>True when the question was completed from the previous turn of the conversation.</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>Passages shown earlier in the conversation that this answer, asked for more, left out.</summary>
    public IReadOnlyList<string> ShownBefore { get; init; } = [];

    /// <summary>True when the question compares countries: the hits hold the best passage for each, in order.</summary>
    public bool IsComparison { get; init; }

    /// <summary>
    /// Countries whose passages answer the question about equally well when it names none: rather than guess,
    /// ask which one is meant. Empty when the answer is clear.
    /// </summary>
    public IReadOnlyList<string> Clarify { get; init; } = [];
}
