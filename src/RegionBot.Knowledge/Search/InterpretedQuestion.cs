namespace RegionBot.Knowledge.Search;

/// <summary>
/// One thing a question asks about, with the words that may stand for it in a passage.
/// </summary>
/// <param name="Said">What the user wrote (after typo correction).</param>
/// <param name="Alternatives">Each alternative is the analysed terms of one way to say it; the first is the user's own.</param>
/// <param name="Kind">How a passage covers the concept.</param>
internal sealed record Concept(string Said, IReadOnlyList<IReadOnlyList<string>> Alternatives, ConceptKind Kind = ConceptKind.Words)
{
    /// <summary>Whether what the user wrote is on the must-say list (facts.txt); see <see cref="MustSay"/>.</summary>
    public bool MustBeSaid { get; init; }
}

/// <summary>How a passage covers a concept of a question.</summary>
internal enum ConceptKind
{
    /// <summary>By containing one of the concept's ways of saying it.</summary>
    Words,

    /// <summary>
    /// By containing it: a word that is neither English nor in the knowledge (a name, a foreign word like "plov"),
    /// which the question is most likely about.
    /// </summary>
    Foreign,

    /// <summary>Always: every passage is about it implicitly (the Taliban, Afghanistan, the region).</summary>
    Topic,

    /// <summary>Always: a country's or person's name, which restricts the search rather than scoring it.</summary>
    Name,

    /// <summary>By giving a number: the question asks how many or how much.</summary>
    Quantity,

    /// <summary>By giving a time: the question asks when.</summary>
    Time,

    /// <summary>By giving an amount of money: the question asks for a budget, a cost, a price.</summary>
    Money,

    /// <summary>By naming a person: the question asks for someone's name ("the names of the pilots").</summary>
    Person,

    /// <summary>By giving a date (a month, a day of the week, a year): the question asks on what date.</summary>
    Date,

    /// <summary>By giving a place where something happened: the question asks where a meeting was held.</summary>
    Place,

    /// <summary>By giving a model's designation ("Su-25"): the question asks what model or type of aircraft or weapon.</summary>
    Model,

    /// <summary>By giving something's proper name: the question asks what a bridge, crossing or exercise is called.</summary>
    ProperName,

    /// <summary>By naming a person in its text: the question asks whom someone met ("who did Tokayev meet").</summary>
    NamedPerson,

    /// <summary>By giving the number itself, standing on its own: the question names a figure ("in 2023").</summary>
    Figure,

    /// <summary>By telling what happened later: the question asks how a story ended ("did Kazakhstan later recognise").</summary>
    Later,

    /// <summary>By telling how someone answered: the question asks for a reply to what another said ("how did the Taliban respond to Rahmon's accusation").</summary>
    Reply,

    /// <summary>By naming it: a country or actor the knowledge does not cover, which a passage must name to answer.</summary>
    Actor,
}

/// <summary>How a question relates to the conversation and to the countries, beyond what it is about.</summary>
/// <param name="RefersBack">It points at the previous turn: "he", "it", "what about ...", "and ...".</param>
/// <param name="AsksForMore">It wants passages not shown yet: "what else", "more", "another".</param>
/// <param name="Compares">It asks to compare: "compare", "versus", "difference between".</param>
/// <param name="AsksAboutSeveral">It asks about several countries at once: "which countries", "who", "any".</param>
/// <param name="OnlyNames">It is nothing but names ("Tajikistan", "Rahmon"): an answer to "which one do you mean?".</param>
/// <param name="AsksOverview">It asks for the big picture: "give me an overview", "what is the article about".</param>
/// <param name="AsksQuote">It asks for someone's own words: "need the quote", "his exact words".</param>
/// <param name="AsksWhy">It asks for a reason: "why", "for what reason", "зачем".</param>
/// <param name="AsksDefinition">It asks what the topic itself is: "what is the Taliban?", "who founded the Taliban?".</param>
/// <param name="AsksOngoing">It asks about something that goes on: "keeps talking to", "still in touch".</param>
internal sealed record QuestionShape(bool RefersBack, bool AsksForMore, bool Compares, bool AsksAboutSeveral, bool OnlyNames, bool AsksOverview = false, bool AsksQuote = false, bool AsksWhy = false, bool AsksDefinition = false, bool AsksOngoing = false);

/// <summary>
/// An office the question qualifies by who holds it ("the Taliban's foreign minister", "the leader of the Taliban"):
/// a passage answers only if it names the holder next to the office.
/// </summary>
/// <param name="Holder">The analysed terms that may stand for the holder, one term each.</param>
/// <param name="Office">The analysed term of the office.</param>
/// <param name="Qualifiers">
/// The analysed terms that tell which office of that name it is ("prime" minister, "deputy foreign" minister), each of
/// which the passage must give beside it: Pakistan's foreign minister is not its prime minister.
/// </param>
internal sealed record HeldOffice(IReadOnlyList<string> Holder, string Office, IReadOnlyList<string> Qualifiers);

/// <summary>
/// What a "how many" question counts ("how many soldiers"): a passage answers only if it gives a number beside it.
/// </summary>
/// <param name="Thing">The analysed terms that may stand for what is counted, one term each.</param>
/// <param name="NumberWords">The analysed number words ("three", "dozens"); digits count too.</param>
internal sealed record CountedThing(IReadOnlyList<string> Thing, IReadOnlyList<string> NumberWords);

/// <summary>
/// Whose words a question asks for ("what did Qureshi tell Rahmon"): a passage answers only if that person speaks in it
/// or it reports them saying something.
/// </summary>
/// <param name="Person">The analysed terms of the person's name, one term each.</param>
/// <param name="Speech">The analysed verbs of saying ("said", "told", "announced").</param>
internal sealed record Sayer(IReadOnlyList<string> Person, IReadOnlyList<string> Speech);

/// <summary>What <see cref="QuestionInterpreter"/> understood of a question.</summary>
internal sealed record InterpretedQuestion(
    IReadOnlyList<string> Words,
    IReadOnlyList<Concept> Concepts,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> UncoveredActors,
    bool AsksWhatWasSaid,
    bool MentionsRegion,
    QuestionShape Shape)
{
    /// <summary>Offices the question qualifies by their holder, which a passage must name together.</summary>
    public IReadOnlyList<HeldOffice> HeldOffices { get; init; } = [];

    /// <summary>
    /// The office a "who is" question asks the holder of, when no holder qualifies it ("who is Turkmenistan's foreign
    /// minister"): a passage answers only if someone holding it speaks there. Null when none.
    /// </summary>
    public string? OfficeAskedOf { get; init; }

    /// <summary>Whose words the question asks for, which a passage must give; null when none.</summary>
    public Sayer? SaidBy { get; init; }

    /// <summary>
    /// The names a question already gives when it asks for others of their kind ("which groups besides ISIS and
    /// al-Qaeda"): a passage answers only if it names something else. Null when the question asks for no others.
    /// </summary>
    public NamesGiven? OthersThan { get; init; }

    /// <summary>What a "how many" question counts, which a passage must give a number beside; null when none.</summary>
    public CountedThing? Counted { get; init; }

    public bool IsEmpty => Concepts.Count == 0 && Countries.Count == 0 && Speakers.Count == 0 && UncoveredActors.Count == 0;

    /// <summary>True when the question asks about something beyond the names it gives.</summary>
    public bool HasSubject => Concepts.Any(c => c.Kind is not (ConceptKind.Topic or ConceptKind.Name));

    /// <summary>The question's subject in its own words, for a follow-up to carry over; null without one.</summary>
    /// <remarks>"When", "what date" and "how many" come first, where reading the topic again recognises them.</remarks>
    public string? Topic => HasSubject || Concepts.Any(c => c.Kind == ConceptKind.Topic)
        ? string.Join(' ', Concepts
            .Where(c => c.Kind != ConceptKind.Name)
            .OrderBy(c => PassageFacts.Required(c) is null ? 1 : 0)
            .Select(c => c.Said))
        : null;
}
