using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Conversations;

/// <summary>
/// The questions an answer offers to ask next: the same topic for other covered countries, and more from the same
/// speaker. Each is only offered when the knowledge actually answers it, so a click never leads to "no information".
/// </summary>
public static class FollowUpSuggestions
{
    /// <summary>At most this many suggestions, since Teams shows only the first three suggested actions.</summary>
    public const int MaxSuggestions = 3;

    private const int MaxOtherCountries = 2;

    public static IReadOnlyList<string> For(SearchAnswer answer, IPassageSearch search, CancellationToken cancellationToken)
    {
        if (!answer.HasAnswer || answer.Clarify.Count > 0)
        {
            return [];
        }

        var context = SearchContext.From(answer);
        var suggestions = new List<string>();
        if (answer.Topic is not null)
        {
            var answered = answer.DetectedCountries.Concat(answer.Hits.Select(hit => hit.Passage.Country)).ToHashSet(StringComparer.Ordinal);
            suggestions.AddRange(answer.CoveredCountries
                .Where(country => !answered.Contains(country))
                .Select(country => $"What about {country}?")
                .Where(question => Answers(search.Search(question, context, cancellationToken), answer))
                .Take(MaxOtherCountries));
        }

        if (answer.Hits[0].Passage is { Kind: PassageKind.Statement, Speaker: { } speaker })
        {
            var more = $"What else did {speaker} say?";
            if (Answers(search.Search(more, context, cancellationToken), answer))
            {
                suggestions.Add(more);
            }
        }

        return suggestions.Take(MaxSuggestions).ToArray();
    }

    /// <summary>Whether a suggested question leads to passages the user has not just been shown.</summary>
    private static bool Answers(SearchAnswer next, SearchAnswer current) =>
        next.HasAnswer
        && next.Clarify.Count == 0
        && next.Hits.Any(hit => current.Hits.All(shown => !string.Equals(shown.Passage.Id, hit.Passage.Id, StringComparison.Ordinal)));
}
