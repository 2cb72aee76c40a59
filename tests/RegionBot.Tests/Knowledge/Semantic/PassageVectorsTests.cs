using System.Numerics.Tensors;
using RegionBot.Evaluation;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Semantic;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>
/// The passage vectors are kept as 8-bit integers and scanned with integer SIMD dot products: the ranking must be the
/// one exact float cosines give, on the real model's vectors of the shipped knowledge.
/// </summary>
public sealed class PassageVectorsTests
{
    [Fact]
    public void The_8_bit_scan_ranks_the_shipped_passages_as_float_cosines_do_for_every_evaluation_question()
    {
        var knowledge = KnowledgeLoader.Load(RepositoryRoot.Knowledge).Knowledge!;
        var model = MiniLmEmbedder.For(1);
        var passages = model.Embed(knowledge.Passages.Select(PassageText.Of).ToArray(), CancellationToken.None);
        var vectors = new PassageVectors(passages.Length, model.Dimensions);
        for (var i = 0; i < passages.Length; i++)
        {
            vectors.Set(i, passages[i]);
        }

        var questions = QuestionSet.Load(RepositoryLayout.DefaultQuestionsFile(RepositoryRoot.Path)).Select(q => q.Question).ToArray();
        var embedded = model.Embed(questions, CancellationToken.None);
        var sameFirst = 0;
        for (var q = 0; q < questions.Length; q++)
        {
            var exact = passages.Select((p, i) => (Ordinal: i, Cosine: TensorPrimitives.Dot(embedded[q], p))).OrderByDescending(h => h.Cosine).Take(10).ToArray();
            var scanned = vectors.Nearest(embedded[q], 10);

            Assert.Equal(10, scanned.Count);
            for (var rank = 0; rank < scanned.Count; rank++)
            {
                // Each rank holds a passage as close as the exact one at that rank, within the rounding; and the
                // cosine reported is the passage's own, within the same.
                var cosine = TensorPrimitives.Dot(embedded[q], passages[scanned[rank].Ordinal]);
                Assert.True(cosine >= exact[rank].Cosine - 0.01f, $"{questions[q]}: rank {rank + 1} has cosine {cosine}, exactly {exact[rank].Cosine}");
                Assert.InRange(scanned[rank].Cosine, cosine - 0.01f, cosine + 0.01f);
            }

            sameFirst += scanned[0].Ordinal == exact[0].Ordinal ? 1 : 0;
        }

        Assert.True(sameFirst >= questions.Length - 2, $"the same best passage for {sameFirst} of {questions.Length} questions");
    }

    [Fact]
    public void A_scan_split_across_the_cores_finds_what_one_pass_over_every_row_finds()
    {
        const int dimensions = 64;
        var count = PassageVectors.ParallelScanRows + 7_000;
        var vectors = RandomUnitVectors(count, dimensions, seed: 3);

        var query = vectors.Vector(123);
        TensorPrimitives.Divide(query, MathF.Sqrt(TensorPrimitives.SumOfSquares(query)), query);
        var excluded = new HashSet<int> { 123, 5_000, 38_000 };
        var rows = Enumerable.Range(0, count).Where(i => i % 3 != 1).ToArray();

        // One pass, in order, over the same rows: cosines from the dequantised rows, which the scan must rank alike.
        var expected = rows.Where(i => !excluded.Contains(i))
            .Select(i => (Ordinal: i, Cosine: TensorPrimitives.Dot(query, vectors.Vector(i))))
            .OrderByDescending(h => h.Cosine)
            .Take(10)
            .Select(h => h.Ordinal)
            .ToArray();

        var found = vectors.Nearest(query, 10, rows, ordinal => !excluded.Contains(ordinal));

        Assert.Equal(expected, found.Select(f => f.Ordinal));
        Assert.Equal(found.OrderByDescending(f => f.Cosine).Select(f => f.Ordinal), found.Select(f => f.Ordinal));
        Assert.DoesNotContain(found, f => excluded.Contains(f.Ordinal));
    }

    [Fact]
    public void A_vector_of_zeros_matches_nothing_and_the_query_of_zeros_finds_nothing()
    {
        var vectors = new PassageVectors(2, 4);
        vectors.Set(0, [0f, 0f, 0f, 0f]);
        vectors.Set(1, [0.5f, 0.5f, 0.5f, 0.5f]);

        var found = vectors.Nearest([0.5f, 0.5f, 0.5f, 0.5f], 2);

        Assert.Equal(1, found[0].Ordinal);
        Assert.Equal(1f, found[0].Cosine, 0.01f);
        Assert.Equal(0f, found[1].Cosine);
        Assert.Empty(vectors.Nearest([0f, 0f, 0f, 0f], 2));
    }

    [Fact]
    public void Rows_stored_by_country_keep_every_passage_s_vector_and_a_scan_of_one_country_finds_what_it_found_before()
    {
        const int dimensions = 48;
        const int count = 6_000;
        var inOrder = RandomUnitVectors(count, dimensions, seed: 11);
        var arranged = RandomUnitVectors(count, dimensions, seed: 11);

        // Six countries interleaved, as passages of many sources are; one exact duplicate of a passage, so that a tie
        // at the cut must go to the earlier passage in both orders.
        arranged.CopyRow(4_203, inOrder, 3);
        inOrder.CopyRow(4_203, inOrder, 3);
        var countryOf = Enumerable.Range(0, count).Select(i => i % 6).ToArray();
        arranged.Arrange(Enumerable.Range(0, count).OrderBy(i => countryOf[i]).ThenBy(i => i).ToArray());

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(inOrder.Row(i).ToArray(), arranged.Row(i).ToArray());
            Assert.Equal(inOrder.Scale(i), arranged.Scale(i));
        }

        var oneCountry = Enumerable.Range(0, count).Where(i => countryOf[i] == 3).ToArray();
        var stored = arranged.StoredRows(oneCountry);
        Assert.Equal(Enumerable.Range(3 * 1_000, 1_000), stored);

        var excluded = new HashSet<int> { 9, 4_209 };
        foreach (var asked in new[] { 3, 57, 1_000, 4_203 })
        {
            var query = inOrder.Vector(asked);
            TensorPrimitives.Divide(query, MathF.Sqrt(TensorPrimitives.SumOfSquares(query)), query);

            var before = inOrder.Nearest(query, 10, oneCountry, ordinal => !excluded.Contains(ordinal));
            var after = arranged.Nearest(query, 10, stored, ordinal => !excluded.Contains(ordinal));
            Assert.Equal(before, after);
            Assert.All(after, hit => Assert.Equal(3, countryOf[hit.Ordinal]));
            Assert.DoesNotContain(after, hit => excluded.Contains(hit.Ordinal));
            Assert.Equal(inOrder.Nearest(query, 10), arranged.Nearest(query, 10));
        }

        // The duplicate ties with its original: asked for one passage, the scan keeps the earlier.
        var twin = inOrder.Vector(3);
        TensorPrimitives.Divide(twin, MathF.Sqrt(TensorPrimitives.SumOfSquares(twin)), twin);
        Assert.Equal(3, arranged.Nearest(twin, 1)[0].Ordinal);
    }

    [Fact]
    public void An_order_that_is_not_each_row_once_is_refused()
    {
        var vectors = new PassageVectors(3, 4);

        Assert.Throws<ArgumentException>(() => vectors.Arrange([0, 1]));
        Assert.Throws<ArgumentException>(() => vectors.Arrange([0, 1, 1]));
        Assert.Throws<ArgumentException>(() => vectors.Arrange([0, 1, 3]));
    }

    /// <summary>Rows of random unit vectors; the same seed gives the same rows.</summary>
    private static PassageVectors RandomUnitVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = new PassageVectors(count, dimensions);
        var row = new float[dimensions];
        for (var i = 0; i < count; i++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                row[d] = (float)(random.NextDouble() - 0.5);
            }

            TensorPrimitives.Divide(row, MathF.Sqrt(TensorPrimitives.SumOfSquares(row)), row);
            vectors.Set(i, row);
        }

        return vectors;
    }
}
