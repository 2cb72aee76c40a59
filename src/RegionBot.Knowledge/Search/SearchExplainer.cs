using System.Globalization;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Describes a search for people tuning the knowledge: how the question was understood, each leg's best candidates
/// with their ranks and scores, and the fused confidence against <see cref="SearchOptions.MinConfidence"/>.
/// </summary>
internal static class SearchExplainer
{
    private const int Shown = 5;

    public static string Explain(PassageSearcher searcher, InterpretedQuestion interpreted, string question, SearchMode mode)
    {
        var lines = new List<string>
        {
            $"words: {string.Join(' ', interpreted.Words)}",
            $"countries: {string.Join(", ", interpreted.Countries)}; speakers: {string.Join(", ", interpreted.Speakers)}; uncovered: {string.Join(", ", interpreted.UncoveredActors)}; region: {interpreted.MentionsRegion}; {interpreted.Shape}",
        };
        lines.AddRange(searcher.Lexical.DescribeConcepts(interpreted));
        if (searcher.AnswersWithOverview(interpreted))
        {
            lines.Add("answered by the overview passages: the question asks for the big picture, or about nothing but the topic");
            return string.Join(Environment.NewLine, lines);
        }

        if (searcher.Veto(interpreted) is { } veto)
        {
            lines.Add($"no answer: {veto}");
            return string.Join(Environment.NewLine, lines);
        }

        var (fused, lexical, semantic, state) = searcher.Candidates(interpreted, PassageSearcher.SemanticText(question, interpreted, null), new HashSet<string>(StringComparer.Ordinal), mode, CancellationToken.None);
        lines.Add($"lexical leg ({mode} search):");
        lines.AddRange(lexical.Take(Shown).Select((hit, i) => Invariant($"  #{i + 1} {hit.Passage.Id}: score {hit.Score:0.000}, covers {hit.Confidence:0.00}")));
        lines.Add($"semantic leg: {state}");
        lines.AddRange(semantic.Take(Shown).Select(s => Invariant($"  #{s.Rank} {s.Passage.Id}: cosine {s.Cosine:0.000}")));
        lines.Add("fused:");
        lines.AddRange(fused.Take(Shown).Select(f => Invariant(
            $"  {f.Passage.Id}: confidence {f.Confidence:0.00} (lexical #{Rank(f.LexicalRank)} covers {f.LexicalConfidence:0.00}, semantic #{Rank(f.SemanticRank)} cosine {f.Cosine:0.000}), score {f.Score:0.000}")));
        var best = fused.Count > 0 ? fused.Max(f => f.Confidence) : 0;
        lines.Add(Invariant($"fused confidence {best:0.00}, needed {searcher.Options.MinConfidence:0.00}: {(best >= searcher.Options.MinConfidence ? "answer" : "no answer")}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
