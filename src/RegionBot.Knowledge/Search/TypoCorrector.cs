namespace RegionBot.Knowledge.Search;

/// <summary>
/// Corrects single typos in the words of a question ("Kazakstan", "Turkmenistn", "Talibn") towards the words the
/// knowledge and the lexicon know. Only unknown words of five letters or more are corrected, and only towards a
/// word with the same first letter, because short words and first letters are where guesses go wrong. Real
/// English words are never corrected, even when the knowledge does not use them ("short" is not a typo of "shot").
/// </summary>
/// <remarks>
/// Two slips are forgiven beyond that, because neither guesses: a short word with two neighbouring letters swapped
/// ("waht", "teh"), when swapping them back gives exactly one word the knowledge or lexicon knows ("hwo" could be
/// "who" or "how", and is left alone); and a name with its possessive "s" typed without the apostrophe ("tokaevs"),
/// which is a typo of the name alone.
/// </remarks>
internal sealed class TypoCorrector
{
    private const int MinimumLength = 5;

    private readonly HashSet<string> known;
    private readonly HashSet<string> preferred;
    private readonly IReadOnlySet<string> english;
    private readonly Dictionary<char, (string Word, int Frequency, bool Preferred)[]> byFirstLetter;

    /// <param name="textWords">Words of the knowledge with how often they occur.</param>
    /// <param name="preferredWords">Words to prefer when two candidates are equally close (names, countries).</param>
    /// <param name="englishWords">Real words that are left alone but never proposed as corrections.</param>
    public TypoCorrector(IReadOnlyDictionary<string, int> textWords, IEnumerable<string> preferredWords, IReadOnlySet<string> englishWords)
    {
        english = englishWords;
        preferred = preferredWords.ToHashSet(StringComparer.Ordinal);
        known = textWords.Keys.Concat(preferred).ToHashSet(StringComparer.Ordinal);
        byFirstLetter = known
            .Where(w => w.Length >= MinimumLength - 1)
            .GroupBy(w => w[0])
            .ToDictionary(
                g => g.Key,
                g => g.Select(w => (w, textWords.GetValueOrDefault(w), preferred.Contains(w))).ToArray());
    }

    /// <summary>True for words of the knowledge and lexicon, and for real English words.</summary>
    public bool IsWord(string word) => known.Contains(word) || english.Contains(word);

    /// <summary>Returns the closest known word, or the word itself when it is known or has no close match.</summary>
    public string Correct(string word)
    {
        if (IsWord(word))
        {
            return word;
        }

        if (word.Length < MinimumLength)
        {
            return Unswapped(word) ?? word;
        }

        if (Closest(word) is { } closest)
        {
            return closest;
        }

        return word.EndsWith('s') && Closest(word[..^1]) is { } owner && preferred.Contains(owner) ? owner : word;
    }

    /// <summary>The known word a short word is with two neighbouring letters swapped back, if exactly one is.</summary>
    private string? Unswapped(string word)
    {
        string? found = null;
        Span<char> letters = stackalloc char[word.Length];
        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] == word[i + 1])
            {
                continue;
            }

            word.AsSpan().CopyTo(letters);
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            var candidate = new string(letters);
            if (known.Contains(candidate))
            {
                if (found is not null && !string.Equals(found, candidate, StringComparison.Ordinal))
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>The closest known word within the typo distance, or null.</summary>
    private string? Closest(string word)
    {
        if (known.Contains(word))
        {
            return word;
        }

        if (!byFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return null;
        }

        var maxDistance = word.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestRank = (Closeness: int.MinValue, Preferred: 0, Frequency: 0);
        foreach (var (candidate, frequency, isPreferred) in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxDistance)
            {
                continue;
            }

            var distance = EditDistance.Bounded(word, candidate, maxDistance);
            var rank = (Closeness: -distance, Preferred: isPreferred ? 1 : 0, Frequency: frequency);
            if (distance <= maxDistance && rank.CompareTo(bestRank) > 0)
            {
                best = candidate;
                bestRank = rank;
            }
        }

        return best;
    }
}

/// <summary>Damerau–Levenshtein distance (with adjacent transpositions), cut off above a bound.</summary>
internal static class EditDistance
{
    /// <summary>Words longer than this are compared by allocating their rows; shorter ones (all real words) on the stack.</summary>
    private const int StackLimit = 64;

    public static int Bounded(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        var previousPrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > bound)
            {
                return bound + 1;
            }

            var recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
