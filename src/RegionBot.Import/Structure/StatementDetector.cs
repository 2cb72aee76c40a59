using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Structure;

/// <summary>
/// Decides whether a paragraph is a statement (it quotes someone, or its first sentence reports what someone said:
/// "…," said X; X stated that; according to X) or context, and who the speaker is. Speakers are read from the
/// attribution and matched to people named earlier or known to the knowledge (<see cref="SpeakerDirectory"/>):
/// "he", "Tokayev" and "the Kazakh President" all become Kassym-Jomart Tokayev.
/// </summary>
internal sealed class StatementDetector(SpeakerDirectory directory)
{
    /// <summary>A paragraph this much of which is quotation is a quoted statement even if it does not open with one.</summary>
    private const double QuotedShare = 0.4;

    private const int MaxSubjectWords = 10;

    private static readonly HashSet<string> NotNames = new(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Taliban", "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "On", "In", "At", "Last", "Earlier", "Despite"],
        StringComparer.Ordinal);

    /// <param name="sectionCountry">The section's country, or null for the region.</param>
    /// <param name="previousSpeaker">The speaker of the section's previous statement.</param>
    public Attribution Analyse(string paragraph, string? sectionCountry, Person? previousSpeaker)
    {
        var mask = QuoteMask.Of(paragraph);
        var sentences = Sentences.Split(mask.Masked);
        Person? named = null;
        Person? firstSentencePerson = null;
        Attribution? statement = null;
        Attribution? quoteAttribution = null;
        string? laterReport = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (FindSubject(tokens) is { } subject)
            {
                var isPronoun = subject.Count == 1 && StatementWords.Pronouns.Contains(Words.Bare(subject[0]));
                var speaker = Resolve(subject, sectionCountry, named ?? (isPronoun ? previousSpeaker : null));
                var evidence = string.Join(' ', subject.Select(Words.Bare));
                if (speaker is not null)
                {
                    named = speaker.IsInstitution ? named : speaker;
                    var found = new Attribution(PassageKind.Statement, speaker, evidence, null);
                    if (sentences[s].Contains(QuoteMask.Marker, StringComparison.Ordinal))
                    {
                        quoteAttribution ??= found;
                    }

                    if (s == 0 || (isPronoun && firstSentencePerson is not null && string.Equals(speaker.Name, firstSentencePerson.Name, StringComparison.Ordinal)))
                    {
                        statement ??= found;
                    }
                    else
                    {
                        laterReport ??= $"a later sentence reports '{evidence}', but the paragraph does not open with it";
                    }
                }
                else if (s == 0)
                {
                    laterReport = $"it reports '{evidence}', who could not be identified";
                }
            }

            foreach (var mentioned in Mentions(tokens, sectionCountry))
            {
                named = mentioned;
                if (s == 0)
                {
                    firstSentencePerson ??= mentioned;
                }
            }
        }

        var isQuote = mask.OpensWithQuote || mask.QuotedLength >= paragraph.Length * QuotedShare;
        if (isQuote)
        {
            if (quoteAttribution is not null || statement is not null)
            {
                return quoteAttribution ?? statement!;
            }

            return previousSpeaker is not null
                ? new Attribution(PassageKind.Statement, previousSpeaker, null, $"a quotation with no attribution: the speaker is taken from the previous statement ({previousSpeaker.Name})")
                : Attribution.Context("a quotation whose speaker could not be found: marked as context");
        }

        return statement ?? Attribution.Context(laterReport is null ? null : $"marked as context: {laterReport}");
    }

    /// <summary>
    /// The subject of the sentence's first reporting verb: the words before it ("Tajik President Emomali Rahmon
    /// recently stated"), or after it when it follows a quotation ("…," said President Shavkat Mirziyoyev), or
    /// what follows "according to".
    /// </summary>
    private static List<string>? FindSubject(string[] tokens)
    {
        List<string>? accordingTo = null;
        for (var v = 0; v < tokens.Length; v++)
        {
            var word = Words.Bare(tokens[v]);
            var next = v + 1 < tokens.Length ? Words.Bare(tokens[v + 1]) : "";
            if (string.Equals(word, "according", StringComparison.OrdinalIgnoreCase) && string.Equals(next, "to", StringComparison.OrdinalIgnoreCase))
            {
                accordingTo ??= Forward(tokens, v + 2);
                continue;
            }

            var isReport = StatementWords.ReportingVerbs.Contains(word)
                || (string.Equals(word, "pointed", StringComparison.OrdinalIgnoreCase) && string.Equals(next, "out", StringComparison.OrdinalIgnoreCase))
                || (string.Equals(word, "released", StringComparison.OrdinalIgnoreCase) && v + 2 < tokens.Length && string.Equals(Words.Bare(tokens[v + 2]), "statement", StringComparison.OrdinalIgnoreCase));
            if (!isReport)
            {
                continue;
            }

            var subject = Backward(tokens, v - 1);
            if (subject.Count == 0 && v > 0 && Words.Bare(tokens[v - 1]) == QuoteMask.Marker)
            {
                subject = Forward(tokens, v + 1);
            }

            if (subject.Count > 0)
            {
                return subject;
            }
        }

        return accordingTo is { Count: > 0 } ? accordingTo : null;
    }

    private static List<string> Backward(string[] tokens, int from)
    {
        var j = from;
        while (j >= 0 && IsAdverb(Words.Bare(tokens[j])))
        {
            j--;
        }

        var subject = new List<string>();
        for (; j >= 0 && subject.Count < MaxSubjectWords; j--)
        {
            var token = tokens[j];
            var word = Words.Bare(token);
            if (word.Length == 0 || word == QuoteMask.Marker || StatementWords.Boundaries.Contains(word) || token[^1] is ',' or ';' or ':' or '(' or ')')
            {
                break;
            }

            if (!Words.IsCapitalised(word) && !IsSubjectWord(word))
            {
                break;
            }

            subject.Insert(0, token);
        }

        return subject;
    }

    private static List<string> Forward(string[] tokens, int from)
    {
        var subject = new List<string>();
        for (var k = from; k < tokens.Length && subject.Count < MaxSubjectWords; k++)
        {
            var token = tokens[k];
            var word = Words.Bare(token);
            if (word.Length == 0 || StatementWords.Boundaries.Contains(word) || (!Words.IsCapitalised(word) && !IsSubjectWord(word)))
            {
                break;
            }

            subject.Add(token);
            if (token[^1] is ',' or ';' or ':' or '.')
            {
                break;
            }
        }

        return subject;
    }

    private static bool IsAdverb(string word) =>
        StatementWords.Adverbs.Contains(word) || (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && !Words.IsCapitalised(word));

    private static bool IsSubjectWord(string word) =>
        StatementWords.Determiners.Contains(word) || StatementWords.TitleWords.Contains(word) || StatementWords.InstitutionHeads.Contains(word) || StatementWords.Pronouns.Contains(word);

    /// <summary>Who a subject names: a pronoun, a name (with or without a title), an institution or a description.</summary>
    private Person? Resolve(List<string> subjectTokens, string? sectionCountry, Person? pronounTarget)
    {
        var words = subjectTokens.Select(Words.Bare).SkipWhile(StatementWords.Determiners.Contains).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        if (words.Count == 1 && StatementWords.Pronouns.Contains(words[0]))
        {
            return pronounTarget is null ? null : directory.Mention(pronounTarget);
        }

        var nameStart = words.Count;
        while (nameStart > 0 && IsNameWord(words[nameStart - 1]))
        {
            nameStart--;
        }

        if (nameStart < words.Count)
        {
            var name = string.Join(' ', words.Skip(nameStart));
            var (role, country) = Roles.ForPerson(words.Take(nameStart).ToList(), sectionCountry);
            var known = directory.FindByName(name);
            return directory.Mention(known ?? new Person(name, role, country, false));
        }

        if (words.Any(StatementWords.InstitutionHeads.Contains))
        {
            var name = Roles.Straighten(string.Join(' ', words));
            var (role, country) = Roles.ForInstitution(words, sectionCountry);
            return directory.Mention(directory.FindByName(name) ?? new Person(name, role, country, true));
        }

        var title = words.LastOrDefault(w => StatementWords.TitleWords.Contains(w) && !string.Equals(w, "of", StringComparison.OrdinalIgnoreCase));
        if (title is null || words.Any(Vocabulary.IsForeign))
        {
            return null;
        }

        var named = words.Select(Vocabulary.CountryOf).FirstOrDefault(c => c is not null) ?? sectionCountry;
        var described = directory.FindByDescription(named, title);
        return described is null ? null : directory.Mention(described);
    }

    /// <summary>People named with a title anywhere in the sentence ("his Russian counterpart Vladimir Putin").</summary>
    private IEnumerable<Person> Mentions(string[] tokens, string? sectionCountry)
    {
        var words = tokens.Select(Words.Bare).ToArray();
        for (var k = 1; k < words.Length; k++)
        {
            if (!IsNameWord(words[k]) || IsNameWord(words[k - 1]) || !StatementWords.TitleWords.Contains(words[k - 1]))
            {
                continue;
            }

            var end = k;
            while (end + 1 < words.Length && IsNameWord(words[end + 1]) && tokens[end][^1] is not (',' or ';' or '.'))
            {
                end++;
            }

            var start = k;
            while (start > 0 && (StatementWords.TitleWords.Contains(words[start - 1]) || Vocabulary.CountryOf(words[start - 1]) is not null || Vocabulary.IsForeign(words[start - 1])))
            {
                start--;
            }

            var name = string.Join(' ', words[k..(end + 1)]);
            var (role, country) = Roles.ForPerson(words[start..k].ToList(), sectionCountry);
            yield return directory.Mention(directory.FindByName(name) ?? new Person(name, role, country, false));
            k = end;
        }
    }

    private static bool IsNameWord(string word) =>
        word.Length > 1
        && char.IsUpper(word[0])
        && word.Skip(1).Any(char.IsLower)
        && !StatementWords.TitleWords.Contains(word)
        && !StatementWords.InstitutionHeads.Contains(word)
        && !NotNames.Contains(word)
        && Vocabulary.CountryOf(word) is null
        && !Vocabulary.IsForeign(word)
        && word != QuoteMask.Marker;
}
