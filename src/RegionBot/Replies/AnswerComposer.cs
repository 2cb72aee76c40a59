using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Localization;

namespace RegionBot.Replies;

/// <summary>
/// Builds the reply to a question on top of the passage search: the answer with its best sentence first; for a
/// question about the whole region, the best passage of each country concerned instead of "which one do you mean?";
/// for a question whose country or speaker is covered but not on this point, what the sources do say about them,
/// labelled as such; and for a comparison, the same for the side the sources do not cover.
/// </summary>
/// <remarks>
/// Only the user's own question is searched with both legs. The searches this adds (each country's best passage, what
/// the sources say about a subject) are lexical: they look up names and the question's own words, and running the
/// model for each would multiply a turn's cost.
/// </remarks>
public sealed partial class AnswerComposer(IPassageSearch search, Func<KnowledgeBase> knowledge)
{
    /// <summary>The knowledge as it is now (it may be reloaded while the bot runs).</summary>
    public KnowledgeBase Knowledge => knowledge();

    /// <summary>At most this many countries or speakers are looked up for a partial answer.</summary>
    public const int MaxPartialSubjects = 2;

    /// <summary>The search of the question and, unless it asks which country is meant or has no answer, the reply.</summary>
    public (SearchAnswer Search, ComposedAnswer? Answer) Compose(string question, SearchContext? context, CancellationToken cancellationToken)
    {
        var answer = search.Search(question, context, cancellationToken);
        if (answer.Clarify.Count > 0)
        {
            return (answer, PresupposesOneSubject(answer.ReadAs ?? question) ? null : AcrossRegion(answer, context, cancellationToken));
        }

        if (answer.HasAnswer)
        {
            // A question naming several countries that finds passages for only some of them is a comparison with
            // a side the sources do not cover.
            var oneSided = answer.DetectedCountries.Count > 1
                && answer.DetectedCountries.Any(country => answer.Hits.All(hit => !string.Equals(hit.Passage.Country, country, StringComparison.Ordinal)));
            return (answer, answer.IsComparison || oneSided ? Comparison(answer, cancellationToken) : FromSearch(answer));
        }

        return (answer, answer.NoAnswer == NoAnswerReason.WeakMatch ? Partial(answer, cancellationToken) : null);
    }

    /// <summary>A search's answer as it stands: its passages, cited in order, opening with the best sentence.</summary>
    public static ComposedAnswer FromSearch(SearchAnswer answer)
    {
        var passages = answer.Hits.Select((hit, index) => new CitedPassage(index + 1, hit.Passage)).ToArray();
        return answer.IsComparison
            ? new ComposedAnswer(AnswerKind.Comparison, answer, passages, null, 0, [])
            : new ComposedAnswer(AnswerKind.Answer, answer, passages, DirectAnswer.BestSentence(passages[0].Passage.Text, answer.ReadAs ?? answer.Question), 1, []);
    }

    /// <summary>The overview passage and, for each covered country, its most representative passage.</summary>
    public ComposedAnswer Overview(string question, CancellationToken cancellationToken)
    {
        var current = knowledge();
        var passages = new List<CitedPassage>();

        // The article's own overview: its first regional paragraph that states something rather than asks.
        var overview = current.Passages
            .Where(p => string.Equals(p.Country, Countries.Region, StringComparison.Ordinal))
            .OrderBy(p => p.Text.TrimEnd().EndsWith('?') ? 1 : 0)
            .FirstOrDefault();
        if (overview is not null)
        {
            passages.Add(new CitedPassage(1, overview, BotTexts.Get("LabelRegion")));
        }

        foreach (var country in current.CoveredCountries)
        {
            // A bare country name ranks that country's passages, its leading passage first.
            if (search.Search(country, null, SearchMode.Lexical, cancellationToken).Hits.FirstOrDefault(h => string.Equals(h.Passage.Country, country, StringComparison.Ordinal)) is { } hit)
            {
                passages.Add(new CitedPassage(passages.Count + 1, hit.Passage));
            }
        }

        var answer = new SearchAnswer(question, [], null, current.CoveredCountries, []);
        return new ComposedAnswer(AnswerKind.Overview, answer, passages, null, 0, []);
    }

    /// <summary>
    /// Whether a question presupposes one subject ("What did the president say?", "What did he say?"), so that
    /// several countries answering it means the bot must ask which one is meant.
    /// </summary>
    public static bool PresupposesOneSubject(string question) => SingleSubject().IsMatch(question);

    private ComposedAnswer? AcrossRegion(SearchAnswer answer, SearchContext? context, CancellationToken cancellationToken)
    {
        var passages = new List<CitedPassage>();
        foreach (var country in answer.Clarify)
        {
            // Naming the country restricts the search to it; the best passage found there answers for it.
            var forCountry = search.Search($"{answer.Question} in {country}", context, SearchMode.Lexical, cancellationToken);
            if (forCountry.Clarify.Count == 0
                && forCountry.Hits.FirstOrDefault(h => string.Equals(h.Passage.Country, country, StringComparison.Ordinal)) is { } hit
                && passages.All(p => !string.Equals(p.Passage.Id, hit.Passage.Id, StringComparison.Ordinal)))
            {
                passages.Add(new CitedPassage(passages.Count + 1, hit.Passage));
            }
        }

        return passages.Count < 2 ? null : new ComposedAnswer(AnswerKind.AcrossRegion, answer, passages, null, 0, []);
    }

    private ComposedAnswer Comparison(SearchAnswer answer, CancellationToken cancellationToken)
    {
        var passages = answer.Hits.Select((hit, index) => new CitedPassage(index + 1, hit.Passage)).ToList();
        var answered = passages.Select(p => p.Passage.Country).ToHashSet(StringComparer.Ordinal);
        var uncovered = answer.DetectedCountries.Where(country => !answered.Contains(country)).ToArray();
        foreach (var country in uncovered)
        {
            if (AboutSubject(country, cancellationToken).FirstOrDefault() is { } other)
            {
                passages.Add(new CitedPassage(passages.Count + 1, other, BotTexts.Get("LabelOtherMatters", BotTexts.Country(country))));
            }
        }

        return new ComposedAnswer(AnswerKind.Comparison, answer, passages, null, 0, uncovered);
    }

    private ComposedAnswer? Partial(SearchAnswer answer, CancellationToken cancellationToken)
    {
        var subjects = (answer.Speakers.Count > 0 ? answer.Speakers : answer.DetectedCountries).Take(MaxPartialSubjects).ToArray();
        var passages = new List<CitedPassage>();
        foreach (var subject in subjects)
        {
            foreach (var passage in AboutSubject(subject, cancellationToken).Take(subjects.Length == 1 ? 2 : 1))
            {
                passages.Add(new CitedPassage(passages.Count + 1, passage, BotTexts.Get("LabelOtherMatters", BotTexts.Country(passage.Country))));
            }
        }

        return passages.Count == 0 ? null : new ComposedAnswer(AnswerKind.Partial, answer, passages, null, 0, subjects);
    }

    /// <summary>What the sources say about a country or speaker: a bare name ranks its passages.</summary>
    private IEnumerable<Passage> AboutSubject(string subject, CancellationToken cancellationToken) =>
        search.Search(subject, null, SearchMode.Lexical, cancellationToken).Hits
            .Select(hit => hit.Passage)
            .Where(p => string.Equals(p.Country, subject, StringComparison.Ordinal) || string.Equals(p.Speaker, subject, StringComparison.Ordinal));

    [GeneratedRegex(@"\b(the\s+(president|leader|head\s+of\s+state|prime\s+minister|(deputy\s+|foreign\s+)*minister|spokes(man|woman|person)|government|foreign\s+ministry|ministry|country)|he|she|his|her|him|this\s+country|that\s+country|which\s+one)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleSubject();
}
