namespace RegionBot.Knowledge.Search;

/// <summary>
/// Reads what a question asks a passage to name: a person ("the names of the pilots"), whom someone met ("who did
/// Tokayev meet"), a place ("where did they meet"), a model ("what type of aircraft"), or a thing's proper name ("what
/// is the crossing called"). Each becomes a concept only a passage naming it covers (<see cref="PassageFacts"/>).
/// </summary>
internal sealed class AskedNames(Lexicon lexicon)
{
    /// <summary>How many words after "names" the people named may stand ("the names of the two rescued Afghan pilots").</summary>
    private const int PeopleReach = 6;

    /// <summary>How many words after "which" the kind of person may stand ("which senior Uzbek official").</summary>
    private const int WhichPersonReach = 3;

    /// <summary>Adds a concept for each name the question asks for, and drops "name" where it only says what is asked.</summary>
    public void AddAskedNames(string[] words, List<Concept> concepts)
    {
        if (AsksForName(words))
        {
            // "Name" only says what is asked for; the passage must name a person, not use the word.
            RemoveAskingWords(concepts);
            concepts.Add(new Concept("names", [], ConceptKind.Person));
        }
        else if (AsksForThingName(words))
        {
            RemoveAskingWords(concepts);
            concepts.Add(new Concept("what name", [], ConceptKind.ProperName));
        }

        if (AsksWhoWasMet(words))
        {
            concepts.Add(new Concept("whom", [], ConceptKind.NamedPerson));
        }

        if (AsksForPlace(words))
        {
            concepts.Add(new Concept("where", [], ConceptKind.Place));
        }

        if (AsksForModel(words))
        {
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said is "model" or "models" or "type" or "types");
            concepts.Add(new Concept("what model", [], ConceptKind.Model));
        }
    }

    /// <summary>
    /// "Which other groups besides ISIS and al-Qaeda did Kazakbaev name?", "какие ещё группировки кроме ИГИЛ": the
    /// question asks for the names of things of a kind that it does not name itself, so only a passage naming another
    /// one can answer; the passage warning of "other groups besides Daesh and Al Qaeda" names none. Asking for the kind
    /// alone ("which terror groups did Kazakbaev warn about"), or what someone warned of besides them ("what groups
    /// besides ISIS does Bishkek warn about"), asks for no names and is answered as it stands.
    /// </summary>
    public bool AsksForOthersByName(string[] words)
    {
        if (!words.Any(lexicon.NamingWords.Contains))
        {
            return false;
        }

        var setsAside = SetsAside(words);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is "which" or "what" or "whats")
            {
                var next = words.Skip(i + 1).Take(4).ToArray();
                var others = setsAside || next.Any(word => word is "other" or "else" or "more");
                if (others && next.Any(lexicon.NamedKinds.Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the question says what it sets aside: "besides ISIS", "apart from the Taliban", "other than".</summary>
    public bool SetsAside(string[] words) => Enumerable.Range(0, words.Length).Any(i => lexicon.SetsAsideAt(words, i));

    /// <summary>
    /// "What were the names of the pilots", "name the officials", "как звали пилотов": only a passage that names a
    /// person can answer. "The name of the bridge" asks for no person. The people may follow "names" by six words
    /// ("the names of the two rescued Afghan pilots").
    /// </summary>
    private bool AsksForName(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "name" or "names" or "named" && words.Skip(i + 1).Take(PeopleReach).Any(lexicon.PeopleNouns.Contains))
            {
                return true;
            }

            // "Which Uzbek official led the talks?": a person asked for by what they are, whom only a passage naming
            // someone can give. "Which" must open the question: "the session at which the ministers spoke" asks no one.
            if (words[i] is "which" && (i == 0 || words[i - 1] is "and" or "so" or "but" or "then")
                && words.Skip(i + 1).Take(WhichPersonReach).Any(lexicon.PeopleNouns.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "What is the name of the border crossing", "what is the bridge called", "what were the drills called where
    /// Tokayev spoke", "как называется мост": only a passage that gives something a proper name can answer. "What was
    /// Kazakhstan called on to do" asks no name. The names of people are <see cref="AsksForName"/>'s.
    /// </summary>
    private bool AsksForThingName(string[] words)
    {
        if (words.Length > 3 && words[0] is "what" or "how" && words[1] is "is" or "was" or "are" or "were" && CalledAt(words) is var called
            && called >= 0 && (called == words.Length - 1 || words[called + 1] is not ("for" or "on" or "upon" or "by" or "out")))
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is "name" or "names" && words[i + 1] is "of" && !words.Skip(i + 2).Take(PeopleReach).Any(lexicon.PeopleNouns.Contains))
            {
                return true;
            }

            // "Which crossing did the Taliban take", "what exercises": a thing known by its name is asked for by it.
            if (words[i] is "which" or "what" && words.Skip(i + 1).Take(2).Any(lexicon.NamedThings.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Where did Tokayev and Putin meet", "where was the session held", "where did Kazakbaev make his remarks", "in which
    /// city": only a passage that says where ("in Moscow", "at the Kremlin", "at the CSTO session") can answer. "Where is
    /// Afghanistan heading" or "where does Kazakhstan stand" ask for no place.
    /// </summary>
    private bool AsksForPlace(string[] words)
    {
        // "Where is that quote from?", Russian "откуда эти слова": the source is asked, which the reply always gives.
        var asksSource = words.Zip(words.Skip(1)).Any(pair => pair is ("where", "from")) || (words.Length > 0 && words[^1] is "from");
        if (words.Contains("where") && !asksSource && words.Any(lexicon.PlaceQuestionWords.Contains))
        {
            return true;
        }

        // "Where (exactly) in Uzbekistan was the plane shot down?" asks for a place within the one it names; "where in
        // the article is al-Qaeda mentioned" asks for passages, not a place.
        var plain = words.Where(word => word is not ("exactly" or "precisely" or "the" or "this")).ToArray();
        if (plain.Zip(plain.Skip(1)).Select((pair, i) => (pair, i))
            .Any(at => at.pair is ("where", "in") && (at.i + 2 >= plain.Length || !lexicon.ArticleWords.Contains(plain[at.i + 2]))))
        {
            return true;
        }

        // "Where was Tokayev when he said it?" asks where he was at the time.
        var where = Array.IndexOf(words, "where");
        if (where >= 0 && Array.IndexOf(words, "when", where + 1) is > 0 and var whenAt && whenAt - where <= 4)
        {
            return true;
        }

        // "Which city", "which two towns", "what border town".
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is "which" or "what" && words.Skip(i + 1).Take(2).Any(lexicon.PlaceNouns.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many words the thing named may take ("what were the military drills called").</summary>
    private const int ThingNameReach = 4;

    /// <summary>Where "called", "named" or "name" follows the thing named, or -1.</summary>
    private static int CalledAt(string[] words)
    {
        for (var i = 3; i < words.Length && i <= 2 + ThingNameReach; i++)
        {
            if (words[i] is "called" or "named" or "name")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many words after "what type" the equipment may stand ("what type of Afghan military aircraft").</summary>
    private const int ModelReach = 5;

    /// <summary>
    /// "What type of aircraft", "which model of helicopter", "what kind of plane", "какой модели самолёт": only a passage
    /// that gives a model's designation can answer; "an Afghan military plane" is no model. A model, type or kind must
    /// follow "what" or "which" and name equipment within five words, so "what kind of aid", "what model of government"
    /// or "what did Uzbekistan make of the aircraft" asks for no model; "what model was it" asks for one of whatever
    /// the question names. Equipment asked for exactly ("exactly which plane", "what aircraft exactly", "какой именно самолёт") asks
    /// for its model too: that it was a plane is given, so which one it was is asked.
    /// </summary>
    private bool AsksForModel(string[] words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is not ("what" or "whats" or "which"))
            {
                continue;
            }

            var next = words[i + 1];
            var ofEquipment = words.Skip(i + 2).Take(ModelReach).Any(lexicon.EquipmentWords.Contains);
            var ofKind = (next is "model" or "models" && (ofEquipment || (i + 2 < words.Length && words[i + 2] is "was" or "is" or "were" or "are")))
                || (next is "type" or "types" or "kind" or "sort" && ofEquipment);
            var exactly = lexicon.EquipmentWords.Contains(next) && ((i > 0 && words[i - 1] is "exactly") || (i + 2 < words.Length && words[i + 2] is "exactly"));
            if (ofKind || exactly)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Who did Tokayev meet?", "whom did Rahmon receive?", "с кем встречался Мирзиёев?": only a passage that names
    /// someone in its text can answer; the speaker, who is the one meeting, is not the one met.
    /// </summary>
    /// <remarks>
    /// The verb must follow the one meeting ("who did Tokayev meet", index 3 on): "who has met the Taliban" asks who
    /// did the meeting, which a country answers as well as a person.
    /// </remarks>
    private bool AsksWhoWasMet(string[] words)
    {
        if (words.Length > 3 && words[0] is "who" or "whom" && lexicon.AuxiliaryWords.Contains(words[1]))
        {
            return words.Skip(3).Any(lexicon.MeetingWords.Contains);
        }

        return words.Zip(words.Skip(1)).Any(pair => pair.First is "with" && pair.Second is "who" or "whom") && words.Any(lexicon.MeetingWords.Contains);
    }

    private static void RemoveAskingWords(List<Concept> concepts) =>
        concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said is "name" or "names" or "named" or "called");
}
