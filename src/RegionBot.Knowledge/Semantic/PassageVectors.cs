using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// One vector per passage, in passage order, each stored as 8-bit integers with a scale of its own (its largest
/// magnitude maps to 127), in one contiguous array. An exact scan compares a question with every passage by integer
/// dot products in SIMD: at 100k passages of 384 dimensions it reads 38 MB instead of the 154 MB float vectors would
/// take, which is what bounds a scan that size. The rounding moves a cosine by a few thousandths, far less than the
/// gaps between the passages a question ranks first (the tests compare the ranking with float cosines).
/// </summary>
internal sealed class PassageVectors
{
    /// <summary>A row's largest magnitude becomes this integer.</summary>
    private const float RowLevels = 127f;

    /// <summary>
    /// The question is kept at 15-bit precision, so its rounding adds nothing noticeable; each SIMD lane's sum of
    /// products stays within a 32-bit integer up to 4,096 dimensions (the most a vector file may hold).
    /// </summary>
    private const float QueryLevels = 16383f;

    /// <summary>From this many rows on, a scan is split across the cores (below, starting the parts costs more than it saves).</summary>
    internal const int ParallelScanRows = 32_768;

    private const int MaxScanParts = 4;

    private readonly sbyte[] values;
    private readonly float[] scales;

    public PassageVectors(int count, int dimensions)
        : this(new sbyte[checked(count * dimensions)], new float[count], count, dimensions)
    {
    }

    /// <summary>Takes over arrays already holding <paramref name="count"/> quantised rows and their scales (read from a vector file).</summary>
    public PassageVectors(sbyte[] values, float[] scales, int count, int dimensions)
    {
        if (values.Length != count * dimensions || scales.Length != count)
        {
            throw new ArgumentException($"{values.Length} values and {scales.Length} scales do not make {count} rows of {dimensions}.");
        }

        Count = count;
        Dimensions = dimensions;
        this.values = values;
        this.scales = scales;
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>A row's quantised values, as stored.</summary>
    public ReadOnlySpan<sbyte> Row(int ordinal) => values.AsSpan(ordinal * Dimensions, Dimensions);

    /// <summary>What one unit of a row's values is worth.</summary>
    public float Scale(int ordinal) => scales[ordinal];

    /// <summary>A row as floats again (within the rounding of its quantisation).</summary>
    public float[] Vector(int ordinal)
    {
        var row = Row(ordinal);
        var vector = new float[Dimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = row[d] * scales[ordinal];
        }

        return vector;
    }

    /// <summary>Quantises <paramref name="vector"/> into a row.</summary>
    public void Set(int ordinal, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"A vector of {vector.Length} values where {Dimensions} were expected.", nameof(vector));
        }

        var largest = vector.Length == 0 ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        var row = values.AsSpan(ordinal * Dimensions, Dimensions);
        if (largest == 0 || !float.IsFinite(largest))
        {
            // A vector of zeros (or one the model broke) matches nothing rather than everything.
            row.Clear();
            scales[ordinal] = 0;
            return;
        }

        var factor = RowLevels / largest;
        for (var d = 0; d < row.Length; d++)
        {
            row[d] = (sbyte)MathF.Round(vector[d] * factor);
        }

        scales[ordinal] = largest / RowLevels;
    }

    /// <summary>Copies a row as it is stored, so a reused vector is exactly the one computed before.</summary>
    public void CopyRow(int ordinal, PassageVectors source, int row)
    {
        if (source.Dimensions != Dimensions)
        {
            throw new ArgumentException($"Rows of {source.Dimensions} values where {Dimensions} were expected.", nameof(source));
        }

        source.Row(row).CopyTo(values.AsSpan(ordinal * Dimensions, Dimensions));
        scales[ordinal] = source.scales[row];
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

        var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(query));
        if (largest == 0 || !float.IsFinite(largest))
        {
            return [];
        }

        // The question in 16-bit integers, so each comparison is an integer dot product.
        var quantised = new short[Dimensions];
        var factor = QueryLevels / largest;
        for (var d = 0; d < quantised.Length; d++)
        {
            quantised[d] = (short)MathF.Round(query[d] * factor);
        }

        var queryScale = largest / QueryLevels;

        var total = rows?.Count ?? Count;
        var parts = total >= ParallelScanRows ? Math.Min(Environment.ProcessorCount, MaxScanParts) : 1;
        if (parts <= 1)
        {
            return Ranked(Scan(quantised, queryScale, 0, total, rows, allowed, count), count);
        }

        // A scan this large is bounded by memory bandwidth, which one core does not use up: each part of the rows is
        // scanned on its own core into its own best few, and those are merged.
        var found = new List<(int Ordinal, float Cosine)>[parts];
        Parallel.For(0, parts, part =>
            found[part] = Scan(quantised, queryScale, (int)((long)total * part / parts), (int)((long)total * (part + 1) / parts), rows, allowed, count));
        return Ranked(found.SelectMany(f => f).ToList(), count);
    }

    /// <summary>The best <paramref name="count"/> of the rows from index <paramref name="from"/> to <paramref name="to"/> (of <paramref name="rows"/>, or of all).</summary>
    private List<(int Ordinal, float Cosine)> Scan(short[] query, float queryScale, int from, int to, IReadOnlyList<int>? rows, Func<int, bool>? allowed, int count)
    {
        // A bounded min-heap keeps the best so far; its root is the weakest, replaced when a better one comes. The
        // weakest cosine is kept apart, so that most rows cost one comparison after their dot product.
        var best = new PriorityQueue<int, float>(count + 1);
        var weakest = float.NegativeInfinity;
        var ordinals = rows as int[];
        for (var i = from; i < to; i++)
        {
            var ordinal = rows is null ? i : ordinals is not null ? ordinals[i] : rows[i];
            if (allowed is not null && !allowed(ordinal))
            {
                continue;
            }

            var cosine = Dot(query, values.AsSpan(ordinal * Dimensions, Dimensions)) * scales[ordinal] * queryScale;
            if (best.Count < count)
            {
                best.Enqueue(ordinal, cosine);
                if (best.Count == count)
                {
                    best.TryPeek(out _, out weakest);
                }
            }
            else if (cosine > weakest)
            {
                best.DequeueEnqueue(ordinal, cosine);
                best.TryPeek(out _, out weakest);
            }
        }

        return best.UnorderedItems.Select(item => (item.Element, item.Priority)).ToList();
    }

    /// <summary>Best first; of equal cosines, the earlier passage first, so the order never depends on how the scan was split.</summary>
    private static (int Ordinal, float Cosine)[] Ranked(List<(int Ordinal, float Cosine)> candidates, int count) =>
        candidates.OrderByDescending(c => c.Cosine).ThenBy(c => c.Ordinal).Take(count).ToArray();

    /// <summary>The integer dot product of a question and a row, thirty-two dimensions per step with AVX2 (sixteen with portable SIMD).</summary>
    internal static long Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row) =>
        Avx2.IsSupported ? DotAvx2(query, row)
        : Vector128.IsHardwareAccelerated ? DotVector128(query, row)
        : Tail(query, row, 0, 0);

    /// <summary>Sign-extends 16 bytes of the row to 16-bit, multiplies them with the question and adds pairs into 32-bit lanes.</summary>
    internal static long DotAvx2(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(row);
        var length = Math.Min(query.Length, row.Length);
        var accumulator = Vector256<int>.Zero;
        var second = Vector256<int>.Zero;
        var i = 0;

        // Two blocks of sixteen dimensions a step, into two sums, so that one block's addition does not wait on the other's.
        for (; i <= length - 32; i += 32)
        {
            var low = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
            var high = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)(i + 16)));
            accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref q, (nuint)i)));
            second = Avx2.Add(second, Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref q, (nuint)(i + 16))));
        }

        for (; i <= length - 16; i += 16)
        {
            var widened = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
            accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(widened, Vector256.LoadUnsafe(ref q, (nuint)i)));
        }

        var (lowLanes, highLanes) = Vector256.Widen(accumulator);
        var (secondLow, secondHigh) = Vector256.Widen(second);
        lowLanes += secondLow;
        highLanes += secondHigh;
        return Tail(query, row, i, Vector256.Sum(lowLanes + highLanes));
    }

    /// <summary>The same with portable 128-bit vectors (ARM, or x64 without AVX2), widening to 32-bit before multiplying.</summary>
    internal static long DotVector128(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(row);
        var length = Math.Min(query.Length, row.Length);
        var accumulator = Vector128<int>.Zero;
        var i = 0;
        for (; i <= length - 16; i += 16)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref r, (nuint)i));
            accumulator += Products(low, Vector128.LoadUnsafe(ref q, (nuint)i)) + Products(high, Vector128.LoadUnsafe(ref q, (nuint)(i + 8)));
        }

        var (lowLanes, highLanes) = Vector128.Widen(accumulator);
        return Tail(query, row, i, Vector128.Sum(lowLanes + highLanes));
    }

    /// <summary>Adds the products from <paramref name="from"/> on, one at a time, to <paramref name="sum"/>.</summary>
    private static long Tail(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row, int from, long sum)
    {
        var length = Math.Min(query.Length, row.Length);
        for (var i = from; i < length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    private static Vector128<int> Products(Vector128<short> row, Vector128<short> query)
    {
        var (rowLow, rowHigh) = Vector128.Widen(row);
        var (queryLow, queryHigh) = Vector128.Widen(query);
        return (rowLow * queryLow) + (rowHigh * queryHigh);
    }
}
