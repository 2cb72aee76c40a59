namespace RegionBot.Knowledge.Search;

/// <summary>
/// Makes one ranking and one confidence of the two legs. The confidence stays the lexical one — the share of the
/// question's weighted concepts a passage covers — except where the two legs agree: a passage the semantic leg ranks
/// first or second and the lexical leg also found among its first five, covering part of the question, gets part of
/// what it leaves uncovered vouched for by meaning. Where they disagree — the semantic leg ran and does not rank a
/// passage covering less than 0.8 of the question among its first five, or finds it far in meaning — the passage
/// keeps four fifths of its confidence, except in a follow-up. Similarity alone never makes an answer: a passage the
/// lexical leg did not find, or found covering nothing, keeps no confidence, however close its meaning; and no cosine
/// threshold ever admits an answer, since out-of-scope questions reach the same cosines as answerable ones (a low
/// cosine only withholds agreement or doubts a passage). Passages are ordered by lexical coverage, then by reciprocal-rank fusion of both ranks.
/// </summary>
internal static class HybridFusion
{
    /// <summary>Reciprocal-rank fusion's constant: small, so that the first ranks of each leg count the most.</summary>
    private const float RankConstant = 3f;

    /// <summary>The share of a passage's uncovered part that agreement vouches for, by semantic rank (1, 2).</summary>
    private static readonly float[] AgreementByRank = [0.5f, 0.3f];

    /// <summary>A passage the semantic leg ranks below this (or not at all) disagrees with the words.</summary>
    private const int DisagreementRank = 5;

    /// <summary>Only a passage covering less than this share of the question is doubted when meaning disagrees.</summary>
    private const float DisagreementCoverage = 0.8f;

    /// <summary>
    /// A passage this far in meaning disagrees with the words however the semantic leg ranks it: among few passages,
    /// the fifth nearest can be unrelated ("how do I book annual leave" and "the US withdrawal", cosine 0.00).
    /// Over every question set, doubting below any value up to 0.3 lost no answer.
    /// </summary>
    private const float DoubtCosine = 0.2f;

    /// <summary>
    /// A passage must be at least this near in meaning for agreement to vouch for it. Answers mostly reach 0.4 and
    /// more, but a name the model does not know reaches less ("what does the article call Baradar", 0.18): refusing
    /// agreement below 0.2 lost that answer.
    /// </summary>
    private const float AgreementCosine = 0.1f;

    /// <summary>What is left of a doubted passage's confidence.</summary>
    private const float DisagreementShare = 0.8f;

    /// <summary>The lexical leg must rank the passage at least this high for the legs to agree on it.</summary>
    public const int AgreementLexicalDepth = 5;

    /// <param name="doubtDisagreement">
    /// Whether a passage meaning disagrees with loses confidence: not for a follow-up, whose subject an answer already
    /// established, so that a follow-up (a suggestion clicked) never gets less than its lexical confidence.
    /// </param>
    public static List<FusedCandidate> Fuse(IReadOnlyList<PassageHit> lexical, IReadOnlyList<SemanticCandidate> semantic, Func<PassageHit, bool> mayAgree, bool doubtDisagreement = true)
    {
        var semanticById = semantic.ToDictionary(s => s.Passage.Id, StringComparer.Ordinal);
        var fused = new List<FusedCandidate>(lexical.Count + semantic.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Count; i++)
        {
            var hit = lexical[i];
            seen.Add(hit.Passage.Id);
            var lexicalRank = i + 1;
            var match = semanticById.GetValueOrDefault(hit.Passage.Id);
            var confidence = hit.Confidence;
            if (match is not null && match.Rank <= AgreementByRank.Length && match.Cosine >= AgreementCosine
                && lexicalRank <= AgreementLexicalDepth && hit.Confidence > 0 && mayAgree(hit))
            {
                confidence += (1 - confidence) * AgreementByRank[match.Rank - 1];
            }
            else if (doubtDisagreement && semantic.Count > 0
                && (match is null || match.Rank > DisagreementRank || match.Cosine < DoubtCosine) && confidence < DisagreementCoverage)
            {
                // Meaning disagrees: the words matched part of the question, but the passage is not among the
                // nearest in meaning. The match is more likely incidental ("open" in "is Kabul airport open for
                // commercial flights") than an answer.
                confidence *= DisagreementShare;
            }

            fused.Add(new FusedCandidate(
                hit.Passage, lexicalRank, hit.Score, hit.Confidence, match?.Rank, match?.Cosine ?? 0, confidence,
                Reciprocal(lexicalRank) + (match is null ? 0 : Reciprocal(match.Rank)))
            {
                Preference = hit.Preference,
                GivesReasonAsked = hit.GivesReasonAsked,
            });
        }

        foreach (var candidate in semantic.Where(s => !seen.Contains(s.Passage.Id)))
        {
            fused.Add(new FusedCandidate(candidate.Passage, null, 0, 0, candidate.Rank, candidate.Cosine, 0, Reciprocal(candidate.Rank)));
        }

        // Agreement decides whether a passage may answer, not which answers first: a passage covering more of the
        // question comes first, however close another's meaning (measured: ordering by the fused confidence let a
        // passage covering a third of the question pass one covering two thirds). Coverage is compared to two
        // decimals, so that a hair's difference leaves the order to the ranks of both legs. Of passages covering it alike,
        // one in the shape of answer asked for (a quotation for "his quote", something said to go on for "still in
        // touch") comes first: meaning rates "Tokayev stated the military should mobilise" as close to "Tokayev's quote
        // on mobilising" as his own quoted words. Then, for "why" asked of a country, one giving a reason ("to assure
        // Uzbekistan's security"): only there, since "why is everyone watching Central Asia" is answered by the
        // overview, which marks no reason (measured: applied region-wide it lost eight answers).
        return fused
            .OrderByDescending(f => MathF.Round(f.LexicalConfidence, 2))
            .ThenByDescending(f => f.Preference)
            .ThenByDescending(f => f.GivesReasonAsked)
            .ThenByDescending(f => f.Score)
            .ThenByDescending(f => f.LexicalScore)
            .ToList();
    }

    /// <summary>The lexical leg alone: its own order and confidence.</summary>
    public static List<FusedCandidate> LexicalOnly(IReadOnlyList<PassageHit> lexical) =>
        lexical.Select((hit, i) => new FusedCandidate(hit.Passage, i + 1, hit.Score, hit.Confidence, null, 0, hit.Confidence, hit.Score)).ToList();

    /// <summary>The semantic leg alone, for comparison in the evaluation: the cosine is its confidence.</summary>
    public static List<FusedCandidate> SemanticOnly(IReadOnlyList<SemanticCandidate> semantic) =>
        semantic.Select(s => new FusedCandidate(s.Passage, null, 0, 0, s.Rank, s.Cosine, s.Cosine, s.Cosine)).ToList();

    private static float Reciprocal(int rank) => 1f / (RankConstant + rank);
}
