namespace RegionBot.Knowledge.Search;

/// <summary>
/// Reads what figures a question asks a passage to give beyond its words: a number ("how many", "what is the
/// population"), an amount of money ("what is the budget"), a time ("when"), a date ("on what date"), a period counted
/// from the user's today ("this year"), how a story ended, a reply, and what a "how many" question counts. Each becomes
/// a concept only a passage giving that fact covers. It also reads two words against their plain sense: the article's
/// own publication ("when was this article published") and a state a passage answers by its opposite ("is the border
/// closed?"). What a question asks to be named is <see cref="AskedNames"/>'s.
/// </summary>
internal sealed class AskedFacts
{
    private readonly Lexicon lexicon;
    private readonly Func<string, IReadOnlyList<string>> analyze;
    private readonly string[] numberStems;

    /// <summary>The number words that give an exact count, for "exactly how many" (facts.txt, "vague-number").</summary>
    private readonly string[] exactNumberStems;

    /// <summary>
    /// How a passage gives someone's age: "62 years old", "aged 62", "born in 1953". "Years" alone is no age ("two years
    /// ago").
    /// </summary>
    private readonly string[] ageStems;

    /// <summary>How a passage says something operates, each analysed: what answers whether it is closed.</summary>
    private readonly IReadOnlyList<string>[] operatingStates;

    /// <summary>The article's own publication, which "when was this article published" asks for.</summary>
    private readonly IReadOnlyList<string> publishedStems;

    /// <param name="analyze">The search's analyzer, which turns a word into its terms.</param>
    public AskedFacts(Lexicon lexicon, Func<string, IReadOnlyList<string>> analyze)
    {
        this.lexicon = lexicon;
        this.analyze = analyze;
        numberStems = Stems(lexicon.NumberWords);
        exactNumberStems = Stems(lexicon.NumberWords.Except(lexicon.VagueNumberWords, StringComparer.Ordinal));
        ageStems = Stems(["old", "age", "aged", "born"]);
        publishedStems = analyze("published");
        operatingStates = lexicon.OperatingStateWords.Select(analyze).Where(terms => terms.Count > 0).ToArray();
    }

    /// <summary>Adds a concept for each figure the question asks for.</summary>
    /// <param name="isSpeaker">Whether a word names someone the knowledge quotes.</param>
    public void AddAskedFacts(string[] words, List<Concept> concepts, Func<string, bool> isSpeaker)
    {
        if (AsksForMoney(words))
        {
            concepts.Add(new Concept("how much money", [], ConceptKind.Money));
        }
        else if (AsksForNumber(words))
        {
            var age = AsksAge(words, isSpeaker);
            if (age)
            {
                // "How many years Mirziyoyev": the years are the age asked for, not a word the passage must share.
                concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said is "years");
            }

            concepts.Add(new Concept(age ? "how old" : "how many", [], ConceptKind.Quantity));
        }

        if (AsksForDate(words) || AsksWhenFuture(words))
        {
            concepts.Add(new Concept("what date", [], ConceptKind.Date));
        }
        else if (AsksForTime(words))
        {
            // "What day did Tashkent confirm it": the day asked for is the fact, not a word the passage must share.
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said is "day");
            concepts.Add(new Concept("when", [], ConceptKind.Time));
        }

        if (AsksOfTheArticle(words))
        {
            // "When was this article published?", "когда опубликовали эту статью" (read "released"): only the article's
            // own record could say when it came out, which no passage is. Each such word asks for the publication
            // alone, without the synonyms by which a passage's events match it ("released a statement").
            for (var i = 0; i < concepts.Count; i++)
            {
                if (concepts[i].Kind == ConceptKind.Words && lexicon.PublishingWords.Contains(concepts[i].Said))
                {
                    concepts[i] = concepts[i] with { Alternatives = [publishedStems] };
                }
            }
        }

        for (var i = 0; i < concepts.Count; i++)
        {
            // "Is the Turkmen border closed?", "граница закрыта?": a passage saying the crossings operate as usual
            // answers it, by telling they are not. Closing something ("close its embassy") is another concept.
            if (concepts[i].Kind == ConceptKind.Words && lexicon.ClosedStateWords.Contains(concepts[i].Said))
            {
                concepts[i] = concepts[i] with { Alternatives = [.. concepts[i].Alternatives, .. operatingStates] };
            }
        }

        if (CountedFromToday(words) is { } period)
        {
            // "How much did the budget grow this year?": a period counted from the user's own today (facts.txt
            // "from-today"), which no passage of an article gives, as "yesterday" is.
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && c.Said == period[1]);
            concepts.Add(new Concept(string.Join(' ', period), [], ConceptKind.Figure));
        }

        if (AsksHowItEnded(words))
        {
            // "Later" says what is asked, and so does "end" in "in the end" or "end up"; neither is a word the passage must
            // share.
            var endSaysIt = InTheEnd(words);
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && (lexicon.LaterWords.Contains(c.Said) || (endSaysIt && EndWords.Contains(c.Said))));
            concepts.Add(new Concept("later", [], ConceptKind.Later));
        }

        if (AsksForReply(words, isSpeaker))
        {
            // The reply asked for is the fact; "respond", or "back" in "say back", is not a word the passage must share
            // besides.
            var saysBack = SaysBack(words);
            concepts.RemoveAll(c => c.Kind == ConceptKind.Words && (lexicon.ReplyWords.Contains(c.Said) || (saysBack && c.Said is "back")));
            concepts.Add(new Concept("reply", [], ConceptKind.Reply));
        }
    }

    /// <summary>
    /// "How did Qureshi answer Rahmon?", and Russian, which puts the one replied to in the dative without "to": "как
    /// талибы ответили Рахмону" (read "how Taliban answered Rahmon"), "как ответил Куреши Рахмону" (read "how answered
    /// Qureshi Rahmon"). Someone the knowledge quotes, closing the question after the reply, is the one replied to when
    /// the replier stands before the reply or between. One name alone after it, with no replier before ("как
    /// отреагировал Рахмон", "how reacted Rahmon"), is the one replying; so is a name after a title ("president Rahmon").
    /// </summary>
    private bool RepliesToLast(string[] words, Func<string, bool> isSpeaker)
    {
        if (words.Length < 3 || !isSpeaker(words[^1]))
        {
            return false;
        }

        for (var after = 1; after <= MaxReplierWords; after++)
        {
            var i = words.Length - 1 - after;
            if (i < 1 || !lexicon.ReplyWords.Contains(words[i]))
            {
                continue;
            }

            var between = words.AsSpan(i + 1, after - 1).ToArray();
            var replierBefore = !lexicon.QuestionWords.Contains(words[i - 1]) && !lexicon.AuxiliaryWords.Contains(words[i - 1]);
            var replierBetween = between.Length == 1 && !lexicon.RoleWords.Contains(between[0]) && between[0] is not ("of" or "from" or "by");
            if ((between.Length == 0 && replierBefore) || replierBetween)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "How did the Taliban react to Uzbekistan downing the plane?": a reply of the Taliban, to whatever it was, is
    /// something they said, which the knowledge tells of only as a reply. Countries' reactions to events are stances
    /// their passages tell.
    /// </summary>
    private bool TalibanReplyTo(string[] words)
    {
        for (var i = 1; i + 1 < words.Length; i++)
        {
            if (lexicon.ReplyWords.Contains(words[i]) && words[i + 1] is "to"
                && words.Skip(Math.Max(0, i - MaxSubjectWords)).Take(Math.Min(i, MaxSubjectWords)).Any(word => word is "taliban" or "talibs"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most words before a reply its subject may stand ("did the Taliban ever react").</summary>
    private const int MaxSubjectWords = 2;

    /// <summary>"End" in "in the end" and "end up", which say a question asks how a story ended.</summary>
    private static readonly string[] EndWords = ["end", "ended", "ends"];

    /// <summary>Whether the question says back anywhere ("what did Qureshi say back to Rahmon").</summary>
    private bool SaysBack(string[] words) => Enumerable.Range(1, Math.Max(0, words.Length - 1)).Any(i => SaysBackAt(words, i));

    /// <summary>"Say back", "said back": "back" after a verb of saying replies.</summary>
    private bool SaysBackAt(string[] words, int i) => i > 0 && words[i] is "back" && lexicon.SayingWords.Contains(words[i - 1]);

    /// <summary>The most words between a reply and what it replies to ("reacted the Taliban to").</summary>
    private const int MaxReplierWords = 2;

    /// <summary>
    /// "What did Qureshi say in reply to Rahmon?", "what did Qureshi say back to Rahmon?", "how did the Taliban respond
    /// to Rahmon's accusation?", "their reaction to Tajikistan's refusal", "how did Qureshi respond to Rahmon?": a reply
    /// to what someone said, which only a passage telling of a reply gives. A country's reply to an event ("how did
    /// Uzbekistan respond to the takeover?") asks for a stance, and is left alone; the Taliban's reaction to anything is
    /// a reply (<see cref="TalibanReplyTo"/>).
    /// </summary>
    private bool AsksForReply(string[] words, Func<string, bool> isSpeaker)
    {
        if (RepliesToLast(words, isSpeaker) || TalibanReplyTo(words))
        {
            return true;
        }

        for (var i = 0; i + 2 < words.Length; i++)
        {
            // The one replying may stand between, as Russian puts it ("как отреагировали талибы на слова Рахмона").
            // "What did Qureshi say back to Rahmon": saying back is replying.
            var reply = lexicon.ReplyWords.Contains(words[i]) || SaysBackAt(words, i);
            var to = !reply ? -1
                : Array.IndexOf(words, "to", i + 1, Math.Min(MaxReplierWords + 1, words.Length - i - 1));
            if (to < 0)
            {
                continue;
            }

            // "In reply to Rahmon": a reply to a person is one to what they said. "In response to the takeover" is a
            // stance, so only "reply" counts here.
            if (i > 0 && words[i - 1] is "in" && words[i] is "reply" && to == i + 1)
            {
                return true;
            }

            for (var j = to + 1; j < words.Length && j <= to + 4; j++)
            {
                // A reply to someone the knowledge quotes is one to what they said.
                if (lexicon.SaidThingWords.Contains(words[j]) || (j == to + 1 && isSpeaker(words[j])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"This year", "next week": a period counted from the user's today; null when the question names none.</summary>
    private string[]? CountedFromToday(string[] words)
    {
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (lexicon.FromTodayWords.Contains(words[i] + " " + words[i + 1]))
            {
                return [words[i], words[i + 1]];
            }
        }

        return null;
    }

    /// <summary>
    /// "When was this article published", "when was the piece written", "who published this article", and Russian
    /// without articles ("когда опубликована статья", read "when released article"): the article itself, named within
    /// two words of the publishing, is what came out. "When was the UN statement released, according to the article?"
    /// asks about the statement.
    /// </summary>
    private bool AsksOfTheArticle(string[] words) =>
        Enumerable.Range(0, words.Length).Any(i => lexicon.ArticleWords.Contains(words[i])
            && Enumerable.Range(Math.Max(0, i - ArticleReach), Math.Min(words.Length, i + ArticleReach + 1) - Math.Max(0, i - ArticleReach))
                .Any(j => lexicon.PublishingWords.Contains(words[j])));

    /// <summary>How far from the article its publishing may be said ("who published this article").</summary>
    private const int ArticleReach = 2;

    /// <summary>
    /// "Did Kazakhstan later recognise the Taliban?", "were the pilots eventually sent back?", "казахстан потом признал
    /// талибов?": asked without a question word, a word of what came later asks how a story ended, which only a passage
    /// telling what happened later can answer. With a question word it asks something else ("when did Uzbekistan later
    /// announce it", "what happened later"), and about the future ("will Kazakhstan recognise them later?") it asks what
    /// a passage's stance says of it. "In the end" and "end up" say it too ("did the Taliban form an inclusive
    /// government in the end?", "did the Taliban end up forming one?").
    /// </summary>
    private bool AsksHowItEnded(string[] words) =>
        (words.Any(lexicon.LaterWords.Contains) || InTheEnd(words))
        && !words.Any(lexicon.QuestionWords.Contains) && !words.Any(word => word is "will" or "would" or "going");

    private static bool InTheEnd(string[] words) =>
        Enumerable.Range(0, Math.Max(0, words.Length - 1)).Any(i =>
            (EndWords.Contains(words[i]) && words[i + 1] is "up")
            || (i + 2 < words.Length && words[i] is "in" && words[i + 1] is "the" && words[i + 2] is "end"));

    /// <summary>
    /// What "how many", "how much" or "number of" counts: the concept of the word after it ("how many soldiers", "how
    /// much cargo", "the number of refugees", "the volume of trade"), or null when none follows ("how many days after", "how much does it
    /// cost"). "How old" counts years of age, and "exactly how many" wants an exact count. A size asked of a thing
    /// ("how long is the border", "how big was the exercise") is measured on that thing: a number elsewhere in the
    /// passage ("three days after") gives no size of it.
    /// </summary>
    public CountedThing? Counted(string[] words, List<Concept> concepts)
    {
        if (concepts.Any(c => c.Kind == ConceptKind.Quantity && c.Said is "how old"))
        {
            return new CountedThing(ageStems, numberStems);
        }

        for (var i = 0; i + 2 < words.Length; i++)
        {
            var sizeOfThing = i + 3 < words.Length && words[i] is "how" && words[i + 1] is "long" or "far" or "big" or "large"
                && words[i + 2] is "is" or "are" or "was" or "were";
            if (!((words[i] is "how" && words[i + 1] is "many" or "much") || (words[i] is "number" or "volume" or "amount" or "quantity" && words[i + 1] is "of") || sizeOfThing))
            {
                continue;
            }

            // What is counted may follow a qualifier that only names the topic or a country ("how many Afghan aircraft",
            // "how long is the Turkmen-Afghan border") or a compound one ("how many active-duty soldiers", "how many
            // Russian-made jets").
            Concept? concept = null;
            var next = string.Empty;
            var first = sizeOfThing ? i + 3 : i + 2;
            for (var j = first; j < words.Length && j <= first + (sizeOfThing ? 3 : 2) && concept is null; j++)
            {
                next = words[j];
                var own = analyze(next);
                var named = own.Count == 1 ? concepts.FirstOrDefault(c => c.Alternatives.Count > 0 && c.Alternatives[0].Count == 1 && string.Equals(c.Alternatives[0][0], own[0], StringComparison.Ordinal)) : null;
                if (named is { Kind: ConceptKind.Words })
                {
                    concept = named;
                }
                else if (next is not "the" && !next.Contains('-', StringComparison.Ordinal) && named is not { Kind: ConceptKind.Topic or ConceptKind.Name })
                {
                    break;
                }
            }

            if (concept is null || lexicon.TimeWords.Contains(next))
            {
                return null;
            }

            var exactly = words.Any(w => w is "exactly" or "exact" or "precisely" or "precise");
            return new CountedThing(
                concept.Alternatives.Where(a => a.Count == 1).Select(a => a[0]).Distinct(StringComparer.Ordinal).ToArray(),
                exactly ? exactNumberStems : numberStems);
        }

        return null;
    }

    /// <summary>
    /// "What is the budget", "how much does it cost", "what's the exchange rate": only a passage that gives an amount of
    /// money can answer. A yes-or-no question ("Did Russia pay for the border posts?") may be answered without one.
    /// </summary>
    private bool AsksForMoney(string[] words) =>
        words.Length > 0
        && words[0] is "what" or "whats" or "how" or "which"
        && words.Any(lexicon.MoneyQuestionWords.Contains);

    /// <summary>
    /// "How many", "how much", "how long", "number of", "what is the population": only a passage that gives a number
    /// can answer.
    /// </summary>
    private bool AsksForNumber(string[] words)
    {
        // "Which Taliban figure gave guarantees" asks for a person: a figure qualified by who they are is no number.
        var numberWords = words.Where((word, i) => lexicon.NumberQuestionWords.Contains(word)
            && !(word is "figure" or "figures" && i > 0 && (lexicon.TopicWords.Contains(words[i - 1]) || lexicon.RoleModifierWords.Contains(words[i - 1]))));
        if (words.Length > 0 && words[0] is "what" or "whats" or "which" && numberWords.Any())
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if ((words[i] is "how" && words[i + 1] is "many" or "much" or "long" or "far" or "big" or "large" or "old")
                || (words[i] is "number" or "amount" && words[i + 1] is "of"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "When did ...?", "how soon", "since when", "on what day": only a passage that places events in time can answer,
    /// and a day of the week ("on Friday") does. A "when" inside the question ("what did he say when he visited ...")
    /// only sets the scene.
    /// </summary>
    private static bool AsksForTime(string[] words)
    {
        if (words.FirstOrDefault() is "when")
        {
            return true;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if ((words[i] is "how" && words[i + 1] is "soon")
                || (words[i] is "since" && words[i + 1] is "when")
                || AsksWhich(words, i, "day"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "What date", "in what year", "which month", "the date of": only a passage that gives a date (a month or a year)
    /// can answer; "recently", "last month" or "on Wednesday" places an event in time but gives no date. "What day" asks
    /// only when (<see cref="AsksForTime"/>).
    /// </summary>
    private static bool AsksForDate(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "date" or "dates")
            {
                return true;
            }

            if (AsksWhich(words, i, "month", "year"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the question asks "what" or "which" of one of <paramref name="nouns"/> at word <paramref name="at"/>, with
    /// at most one word between: "which calendar year", "on what day".
    /// </summary>
    private static bool AsksWhich(string[] words, int at, params string[] nouns)
    {
        if (words[at] is not ("what" or "which"))
        {
            return false;
        }

        for (var j = at + 1; j < words.Length && j <= at + 2; j++)
        {
            // "Said what every day" asks what is said, not which day: "every day" says how often.
            if (words[j] is "every" or "each")
            {
                return false;
            }

            if (Array.IndexOf(nouns, words[j]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "When will the agreement be signed?": a time to come needs a date; "last month" places only what has happened.
    /// </summary>
    private static bool AsksWhenFuture(string[] words) =>
        words.Length > 2 && words[0] is "when" && (words[1] is "will" || (words[1] is "is" or "are" && words[2] is "going"));

    /// <summary>
    /// "How old is Mirziyoyev": a number of years of age. So is "сколько лет Мирзиёеву", read from Russian as "how many
    /// years Mirziyoyev": years counted of someone the knowledge quotes ("Shavkat Mirziyoyev"), closing the question,
    /// are their age.
    /// </summary>
    private static bool AsksAge(string[] words, Func<string, bool> isSpeaker) =>
        words.Zip(words.Skip(1)).Any(pair => pair.First is "how" && pair.Second is "old")
        || Enumerable.Range(0, Math.Max(0, words.Length - 3)).Any(i => words[i] is "how" && words[i + 1] is "many" && words[i + 2] is "years"
            && words.Skip(i + 3).All(isSpeaker));

    private string[] Stems(IEnumerable<string> words) =>
        words.Select(analyze).Where(terms => terms.Count == 1).Select(terms => terms[0]).Distinct(StringComparer.Ordinal).ToArray();
}
