using Microsoft.Extensions.Caching.Memory;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Localization;

namespace RegionBot.Conversations;

/// <summary>
/// The questions an answer offers to ask next: the same topic for other covered countries, and more from the same
/// speaker. Each is only offered when the knowledge actually answers it, so a click never leads to "no information".
/// Checking that costs a search per candidate, so the outcome is remembered for a few minutes: questions repeat, and
/// a stale suggestion after a knowledge reload is at worst one that finds less than it promised.
/// </summary>
/// <remarks>
/// The checks are lexical searches, which never run the model: embedding each candidate would cost more than the
/// user's own question. A lexical check is safe, since the hybrid search a click runs (a follow-up) never lowers a
/// passage's confidence below its lexical one; it may at worst leave out a suggestion only meaning would have answered.
/// </remarks>
public sealed class FollowUpSuggestions(IPassageSearch search) : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>At most this many suggestions, since Teams shows only the first three suggested actions.</summary>
    public const int MaxSuggestions = 3;

    private const int MaxOtherCountries = 2;

    public IReadOnlyList<string> For(SearchAnswer answer, CancellationToken cancellationToken)
    {
        if (!answer.HasAnswer || answer.Clarify.Count > 0)
        {
            return [];
        }

        // Suggestions are worded in the turn's language, so the language is part of what they are remembered by.
        var key = string.Join('\n', ReplyLanguage.Current, answer.Topic, string.Join('|', answer.DetectedCountries), string.Join('|', answer.Hits.Select(h => h.Passage.Id)));
        return cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            return Find(answer, cancellationToken);
        })!;
    }

    public void Dispose() => cache.Dispose();

    private IReadOnlyList<string> Find(SearchAnswer answer, CancellationToken cancellationToken)
    {
        var context = SearchContext.From(answer);
        var suggestions = new List<string>();
        if (answer.Topic is not null)
        {
            var answered = answer.DetectedCountries.Concat(answer.Hits.Select(hit => hit.Passage.Country)).ToHashSet(StringComparer.Ordinal);
            suggestions.AddRange(answer.CoveredCountries
                .Where(country => !answered.Contains(country))
                .Select(country => (Country: country, Question: BotTexts.Get("SuggestWhatAbout", BotTexts.Country(country))))
                .Where(s => ShowsNew(search.Search(s.Question, context, SearchMode.Lexical, cancellationToken), answer, passage => string.Equals(passage.Country, s.Country, StringComparison.Ordinal)))
                .Select(s => s.Question)
                .Take(MaxOtherCountries));
        }

        if (answer.Hits[0].Passage is { Kind: PassageKind.Statement, Speaker: { } speaker })
        {
            // A Russian suggestion names the speaker as Russian media write him, and is read back to him when clicked.
            var named = ReplyLanguage.Current == Language.Russian ? RussianNames.Of(speaker) ?? speaker : speaker;
            var more = BotTexts.Get("SuggestWhatElse", named);
            if (ShowsNew(search.Search(more, context, SearchMode.Lexical, cancellationToken), answer, passage => string.Equals(passage.Speaker, speaker, StringComparison.Ordinal)))
            {
                suggestions.Add(more);
            }
        }

        return suggestions.Take(MaxSuggestions).ToArray();
    }

    /// <summary>
    /// Whether a suggested question leads to a passage about what it promises (that country, that speaker) which
    /// the user has not just been shown.
    /// </summary>
    private static bool ShowsNew(SearchAnswer next, SearchAnswer current, Func<Passage, bool> promised) =>
        next.Clarify.Count == 0
        && next.Hits.Any(hit => promised(hit.Passage)
            && current.Hits.All(shown => !string.Equals(shown.Passage.Id, hit.Passage.Id, StringComparison.Ordinal)));
}
