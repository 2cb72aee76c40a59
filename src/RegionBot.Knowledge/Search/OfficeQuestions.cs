namespace RegionBot.Knowledge.Search;

/// <summary>
/// Reads the offices a question asks about together with who holds them: "the Taliban's foreign minister", "the leader
/// of the Taliban", "who leads the Taliban?", "who is Turkmenistan's foreign minister?". A passage answers such a question
/// only if it names the office and its holder together (<see cref="NearMatches"/>).
/// </summary>
internal sealed class OfficeQuestions(Lexicon lexicon, Func<string, IReadOnlyList<string>> analyze)
{
    /// <summary>
    /// "Who leads the Taliban?", "who chaired the session?", "which country hosted the meeting?" ask for whoever holds
    /// an office: they are read as "who is the leader of the Taliban", so that the office and its holder are looked for
    /// together.
    /// </summary>
    public string[] AskingForOffice(string[] words)
    {
        var verb = words.Length > 2 && words[0] is "who" ? 1
            : words.Length > 3 && words[0] is "which" or "what" && words[1] is "country" or "state" or "nation" or "member" ? 2
            : -1;
        var office = verb < 0 ? null : words[verb] switch
        {
            "heads" or "headed" or "leads" or "led" or "runs" or "ran" when verb == 1 => "leader",
            "commands" or "commanded" when verb == 1 => "commander",
            "chairs" or "chaired" => "chair",
            "hosts" or "hosted" => "host",
            _ => null,
        };

        // A country chairs or hosts a gathering; "which country hosted the Afghan pilots" asks no office.
        if (verb == 2 && !words.Skip(3).Any(lexicon.GatheringWords.Contains))
        {
            office = null;
        }

        return office is null ? words : ["who", "is", "the", office, "of", .. words.Skip(words[verb + 1] is "the" ? verb + 2 : verb + 1)];
    }

    /// <summary>
    /// Offices qualified by a holder that is not a covered country: "the Taliban's foreign minister", "Pakistan's
    /// ambassador", "the leader of the Taliban", "foreign minister in the Taliban government". A covered country
    /// already restricts which passages may answer, so "Kyrgyzstan's foreign minister" needs nothing more. The holder
    /// is the word before the office (and its qualifiers), the word after "of", "in", "for" or "at" (past "the
    /// government"; Russian "у талибов" reads "at taliban"), or the word right after it (Russian "лидер талибов").
    /// </summary>
    public List<HeldOffice> Held(string[] words, List<Concept> concepts)
    {
        var offices = new List<HeldOffice>();
        for (var end = 0; end < words.Length; end++)
        {
            if (!lexicon.RoleWords.Contains(words[end]) || (end + 1 < words.Length && lexicon.RoleWords.Contains(words[end + 1])))
            {
                continue;
            }

            var start = end;
            while (start > 0 && (lexicon.RoleModifierWords.Contains(words[start - 1]) || lexicon.RoleWords.Contains(words[start - 1])))
            {
                start--;
            }

            var before = start > 0 && words[start - 1] is not ("the" or "of") ? words[start - 1] : null;
            var afterOf = end + 2 < words.Length && words[end + 1] is "of" or "in" or "for" or "at"
                ? words.Skip(end + 2).Take(3).FirstOrDefault(w => w is not ("the" or "government" or "govt" or "regime" or "new"))
                : null;
            // Russian puts the holder after the office in the genitive, with no "of": "лидер талибов" reads "leader
            // taliban". English never does, so the word right after counts only as the Taliban (the topic); an actor
            // after an office ("МИД России", "foreign ministry russia") names whose office it is, not a holder apart.
            var next = end + 1 < words.Length ? words[end + 1] : null;
            var office = analyze(words[end]);
            if (office.Count != 1)
            {
                continue;
            }

            foreach (var (holder, topicOnly) in new[] { (before, false), (afterOf, false), (next, true) })
            {
                if (holder is not null && HolderTerms(holder, concepts, topicOnly) is { Count: > 0 } terms)
                {
                    offices.Add(new HeldOffice(terms, office[0], Qualifiers(words, start, end)));
                    break;
                }
            }
        }

        return offices;
    }

    /// <summary>
    /// The words before an office that tell which one it is ("prime minister", "deputy foreign minister"). Those that
    /// say when, how high or how formally ("new", "de facto", shape.txt "role-vague") a passage need not repeat.
    /// </summary>
    private List<string> Qualifiers(string[] words, int start, int end) =>
        words[start..end]
            .Where(word => lexicon.RoleModifierWords.Contains(word) && !lexicon.RoleVagueWords.Contains(word))
            .SelectMany(analyze)
            .ToList();

    /// <summary>
    /// "Who is the president of Kyrgyzstan?", "who's Turkmenistan's foreign minister": the office whose holder is asked
    /// for, unless a holder outside the covered countries qualifies it (<paramref name="held"/>, from <see cref="Held"/>).
    /// </summary>
    public string? AskedOf(string[] words, IReadOnlyList<HeldOffice> held)
    {
        if (words.Length < 2 || words[0] is not "who" || held.Count > 0)
        {
            return null;
        }

        for (var i = 1; i < words.Length && i <= 4; i++)
        {
            if (lexicon.RoleWords.Contains(words[i]) && !(i + 1 < words.Length && lexicon.RoleWords.Contains(words[i + 1])))
            {
                return analyze(words[i]) is { Count: 1 } office ? office[0] : null;
            }

            if (words[i] is not ("is" or "s" or "was" or "are" or "the" or "current" or "now" or "new") && !lexicon.RoleModifierWords.Contains(words[i])
                && !lexicon.CountryAliases.ContainsKey(words[i]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The one-word ways of naming a holder the question read as a topic (the Taliban) or an actor (Pakistan). The
    /// region is no holder: "a Central Asian leader" is any of the countries' leaders.
    /// </summary>
    private IReadOnlyList<string> HolderTerms(string word, List<Concept> concepts, bool topicOnly)
    {
        var own = analyze(word);
        if (own.Count != 1 || lexicon.RegionWords.Contains(word))
        {
            return [];
        }

        var concept = concepts.FirstOrDefault(c => (c.Kind == ConceptKind.Topic || (c.Kind == ConceptKind.Actor && !topicOnly))
            && c.Alternatives.Any(a => a.Count == 1 && string.Equals(a[0], own[0], StringComparison.Ordinal)));
        return concept is null
            ? []
            : concept.Alternatives.Where(a => a.Count == 1).Select(a => a[0]).Distinct(StringComparer.Ordinal).ToArray();
    }
}
