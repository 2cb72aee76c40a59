using System.Numerics.Tensors;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Semantic;

namespace RegionBot.Benchmarks.Support;

/// <summary>
/// Writes a vector file of random unit vectors for a store's passages into its index folder, keyed as the app keys
/// real ones, so that the app and the benchmarks adopt it as reused vectors. The costs of such vectors (scan, memory,
/// reuse, latency) are those of real ones; their answers by meaning are not.
/// </summary>
public static class RandomVectors
{
    public static void Write(KnowledgeStore store)
    {
        var passages = store.Knowledge.Passages;
        var embedder = MiniLmEmbedder.For(1);
        var random = new Random(11);
        var vectors = new PassageVectors(passages.Count, embedder.Dimensions);
        var row = new float[embedder.Dimensions];
        for (var ordinal = 0; ordinal < passages.Count; ordinal++)
        {
            for (var d = 0; d < row.Length; d++)
            {
                row[d] = (float)(random.NextDouble() - 0.5);
            }

            TensorPrimitives.Divide(row, MathF.Sqrt(TensorPrimitives.SumOfSquares(row)), row);
            vectors.Set(ordinal, row);
        }

        VectorFile.Write(
            Path.Combine(store.Status.IndexFolder, VectorFile.FileName),
            new VectorFile.Contents(
                embedder.Model,
                embedder.Dimensions,
                store.Knowledge.ContentHash,
                passages.Select(p => p.Id).ToArray(),
                passages.Select(p => VectorFile.HashText(PassageText.Of(p))).ToArray(),
                vectors));
    }
}
