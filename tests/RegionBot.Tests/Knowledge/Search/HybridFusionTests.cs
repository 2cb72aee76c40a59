using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Tests.Knowledge.Search;

/// <summary>The fusion's rules, on hand-made candidates: meaning vouches only where the words give evidence.</summary>
public sealed class HybridFusionTests
{
    private static readonly Source Source = new("s", "Publisher", "Title", null, null, "s.md");
    private static readonly Passage A = Passage("a");
    private static readonly Passage B = Passage("b");
    private static readonly Passage C = Passage("c");

    [Fact]
    public void A_passage_only_the_semantic_leg_found_gets_no_confidence()
    {
        var fused = HybridFusion.Fuse([], [new SemanticCandidate(0, A, 1, 0.9f)], _ => true);

        Assert.Equal(0, Assert.Single(fused).Confidence);
    }

    [Fact]
    public void A_passage_the_words_found_covering_nothing_gets_no_confidence_however_close_its_meaning()
    {
        var fused = HybridFusion.Fuse([new PassageHit(A, 1f, 0f)], [new SemanticCandidate(0, A, 1, 0.95f)], _ => true);

        Assert.Equal(0, Assert.Single(fused).Confidence);
    }

    [Fact]
    public void Agreement_at_the_top_of_both_legs_vouches_for_part_of_what_the_words_leave_uncovered()
    {
        var fused = HybridFusion.Fuse([new PassageHit(A, 2f, 0.4f)], [new SemanticCandidate(0, A, 1, 0.3f)], _ => true);

        Assert.Equal(0.4f + (0.6f * 0.5f), Assert.Single(fused).Confidence, 3);
    }

    [Fact]
    public void Of_passages_covering_the_question_alike_the_one_in_the_shape_asked_for_comes_first_whatever_meaning_says()
    {
        // B quotes the words asked for; meaning ranks A, which only reports them, first.
        var fused = HybridFusion.Fuse(
            [new PassageHit(B, 3f, 0.77f) { Preference = 1.5f }, new PassageHit(A, 2f, 0.77f)],
            [new SemanticCandidate(0, A, 1, 0.65f), new SemanticCandidate(1, C, 2, 0.64f), new SemanticCandidate(2, B, 4, 0.63f)],
            _ => true);

        Assert.Equal(B, fused[0].Passage);
    }

    [Fact]
    public void Of_passages_alike_in_coverage_and_shape_the_one_giving_the_reason_asked_for_comes_first()
    {
        // Both tell of talks going on; B also says what for, and "why" is asked. Meaning ranks A first.
        var fused = HybridFusion.Fuse(
            [new PassageHit(A, 3f, 1f) { Preference = 1.5f }, new PassageHit(B, 2f, 1f) { Preference = 1.5f, GivesReasonAsked = true }],
            [new SemanticCandidate(0, A, 1, 0.70f), new SemanticCandidate(1, B, 3, 0.65f)],
            _ => true);

        Assert.Equal(B, fused[0].Passage);
    }

    [Fact]
    public void A_passage_the_semantic_leg_ranks_third_gets_nothing_from_it()
    {
        var fused = HybridFusion.Fuse(
            [new PassageHit(A, 2f, 0.4f)],
            [new SemanticCandidate(1, B, 1, 0.7f), new SemanticCandidate(2, C, 2, 0.6f), new SemanticCandidate(0, A, 3, 0.5f)],
            _ => true);

        Assert.Equal(0.4f, fused.Single(f => f.Passage == A).Confidence);
    }

    [Fact]
    public void A_passage_meaning_disagrees_with_keeps_four_fifths_of_its_confidence()
    {
        var semantic = Enumerable.Range(0, 6).Select(i => new SemanticCandidate(i + 1, Passage("s" + i), i + 1, 0.5f)).Append(new SemanticCandidate(9, B, 7, 0.2f)).ToArray();

        var fused = HybridFusion.Fuse([new PassageHit(A, 2f, 0.6f), new PassageHit(B, 1f, 0.6f), new PassageHit(C, 1f, 0.9f)], semantic, _ => true);

        Assert.Equal(0.48f, fused.Single(f => f.Passage == A).Confidence, 3); // not among the semantic leg's ten
        Assert.Equal(0.48f, fused.Single(f => f.Passage == B).Confidence, 3); // ranked seventh
        Assert.Equal(0.9f, fused.Single(f => f.Passage == C).Confidence, 3); // covers enough to stand on its own
    }

    [Fact]
    public void A_passage_far_in_meaning_is_doubted_however_the_semantic_leg_ranks_it()
    {
        // With few passages, the fifth nearest can be unrelated: "leave" found "withdrawal" in "book annual leave".
        var fused = HybridFusion.Fuse(
            [new PassageHit(A, 2f, 0.6f)],
            [new SemanticCandidate(1, B, 1, 0.05f), new SemanticCandidate(0, A, 2, 0.01f)],
            _ => true);

        Assert.Equal(0.48f, fused.Single(f => f.Passage == A).Confidence, 3);
    }

    [Fact]
    public void A_follow_up_is_never_doubted_below_its_lexical_confidence()
    {
        var fused = HybridFusion.Fuse([new PassageHit(A, 2f, 0.6f)], [new SemanticCandidate(1, B, 1, 0.5f)], _ => true, doubtDisagreement: false);

        Assert.Equal(0.6f, fused.Single(f => f.Passage == A).Confidence, 3);
    }

    [Fact]
    public void Without_the_semantic_leg_the_lexical_confidence_stands()
    {
        var fused = HybridFusion.Fuse([new PassageHit(A, 2f, 0.6f)], [], _ => true);

        Assert.Equal(0.6f, Assert.Single(fused).Confidence, 3);
    }

    [Fact]
    public void A_veto_holds_whatever_the_passage_means()
    {
        var fused = HybridFusion.Fuse([new PassageHit(A, 2f, 0.4f)], [new SemanticCandidate(0, A, 1, 0.9f)], _ => false);

        Assert.Equal(0.4f, Assert.Single(fused).Confidence);
    }

    [Fact]
    public void Passages_are_ordered_by_the_share_of_the_question_they_cover_then_by_both_ranks()
    {
        var fused = HybridFusion.Fuse(
            [new PassageHit(A, 3f, 0.6f), new PassageHit(B, 2f, 0.3f), new PassageHit(C, 1f, 0.6f)],
            [new SemanticCandidate(1, B, 1, 0.7f), new SemanticCandidate(2, C, 2, 0.6f)],
            _ => true);

        // A and C cover as much; C is ranked by both legs (lexical 3, semantic 2), A by one (lexical 1). Agreement
        // lifts B's confidence to 0.3 + 0.7 × 0.5 = 0.65, enough to answer, but not above passages covering more.
        Assert.Equal(["c", "a", "b"], fused.Select(f => f.Passage.Id));
        Assert.Equal(0.65f, fused.Single(f => f.Passage == B).Confidence, 3);
    }

    private static Passage Passage(string id) => new(id, Source, "Kazakhstan", "Section", PassageKind.Context, null, null, "Text " + id, 1);
}
