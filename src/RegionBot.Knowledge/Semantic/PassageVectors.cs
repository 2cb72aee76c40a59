using System.Numerics.Tensors;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// One vector per passage, in passage order, in one contiguous array: an exact scan compares a question with every
/// passage through SIMD dot products (<see cref="TensorPrimitives"/>), which at 100k passages is a few milliseconds
/// and needs no approximate index.
/// </summary>
internal sealed class PassageVectors
{
    private readonly float[] data;

    public PassageVectors(int count, int dimensions)
        : this(new float[checked(count * dimensions)], count, dimensions)
    {
    }

    /// <summary>Takes over an array already holding <paramref name="count"/> rows (read from a vector file).</summary>
    public PassageVectors(float[] data, int count, int dimensions)
    {
        Count = count;
        Dimensions = dimensions;
        this.data = data;
    }

    /// <summary>All rows, one after the other, for writing them to a file.</summary>
    public float[] Data => data;

    public int Count { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> this[int ordinal] => data.AsSpan(ordinal * Dimensions, Dimensions);

    public void Set(int ordinal, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"A vector of {vector.Length} values where {Dimensions} were expected.", nameof(vector));
        }

        vector.CopyTo(data.AsSpan(ordinal * Dimensions, Dimensions));
    }

    /// <summary>
    /// The <paramref name="count"/> passages most similar to <paramref name="query"/> (a unit vector, so the dot
    /// product is the cosine), best first, among those <paramref name="allowed"/> accepts.
    /// </summary>
    /// <param name="rows">The rows to compare, in order; null compares every row.</param>
    public IReadOnlyList<(int Ordinal, float Cosine)> Nearest(ReadOnlySpan<float> query, int count, IReadOnlyList<int>? rows = null, Func<int, bool>? allowed = null)
    {
        if (count <= 0 || query.Length != Dimensions)
        {
            return [];
        }

        // A bounded min-heap keeps the best so far; its root is the weakest, replaced when a better one comes.
        var best = new PriorityQueue<int, float>(count + 1);
        var total = rows?.Count ?? Count;
        for (var i = 0; i < total; i++)
        {
            var ordinal = rows is null ? i : rows[i];
            if (allowed is not null && !allowed(ordinal))
            {
                continue;
            }

            var cosine = TensorPrimitives.Dot(query, data.AsSpan(ordinal * Dimensions, Dimensions));
            if (best.Count < count)
            {
                best.Enqueue(ordinal, cosine);
            }
            else if (best.TryPeek(out _, out var weakest) && cosine > weakest)
            {
                best.DequeueEnqueue(ordinal, cosine);
            }
        }

        var result = new (int Ordinal, float Cosine)[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var ordinal, out var cosine);
            result[i] = (ordinal, cosine);
        }

        return result;
    }
}
