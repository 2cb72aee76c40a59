using System.Numerics.Tensors;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// One vector per passage, in passage order, each stored as 8-bit integers with a scale of its own (its largest
/// magnitude maps to 127), in one contiguous array. An exact scan compares a question with every passage by integer
/// dot products in SIMD: at 100k passages of 384 dimensions it reads 38 MB instead of the 154 MB float vectors would
/// take, which is what bounds a scan that size. The rounding moves a cosine by a few thousandths, far less than the
/// gaps between the passages a question ranks first (the tests compare the ranking with float cosines).
/// </summary>
/// <remarks>
/// Rows can be stored in another order than the passages' (<see cref="Arrange"/>): a question about one country scans
/// only that country's rows, and when those lie together the scan reads them as one stream. Scattered among the other
/// countries' rows (every sixth row of 100k) they cost as much as scanning every row, since each is a fresh read from
/// memory. Every method but <see cref="StoredRows"/> and <see cref="Nearest"/>'s rows takes passage ordinals.
/// </remarks>
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

    /// <summary>Where each passage's row is stored, and whose row each stored one is; null while in passage order.</summary>
    private int[]? storedAt;
    private int[]? ordinalAt;

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
    public ReadOnlySpan<sbyte> Row(int ordinal) => values.AsSpan(Stored(ordinal) * Dimensions, Dimensions);

    /// <summary>What one unit of a row's values is worth.</summary>
    public float Scale(int ordinal) => scales[Stored(ordinal)];

    /// <summary>A row as floats again (within the rounding of its quantisation).</summary>
    public float[] Vector(int ordinal)
    {
        var row = Row(ordinal);
        var vector = new float[Dimensions];
        var scale = Scale(ordinal);
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = row[d] * scale;
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
        var stored = Stored(ordinal);
        var row = values.AsSpan(stored * Dimensions, Dimensions);
        if (largest == 0 || !float.IsFinite(largest))
        {
            // A vector of zeros (or one the model broke) matches nothing rather than everything.
            row.Clear();
            scales[stored] = 0;
            return;
        }

        var factor = RowLevels / largest;
        for (var d = 0; d < row.Length; d++)
        {
            row[d] = (sbyte)MathF.Round(vector[d] * factor);
        }

        scales[stored] = largest / RowLevels;
    }

    /// <summary>Copies a row as it is stored, so a reused vector is exactly the one computed before.</summary>
    public void CopyRow(int ordinal, PassageVectors source, int row)
    {
        if (source.Dimensions != Dimensions)
        {
            throw new ArgumentException($"Rows of {source.Dimensions} values where {Dimensions} were expected.", nameof(source));
        }

        source.Row(row).CopyTo(values.AsSpan(Stored(ordinal) * Dimensions, Dimensions));
        scales[Stored(ordinal)] = source.Scale(row);
    }

    /// <summary>
    /// Stores the rows in the order <paramref name="order"/> gives (every ordinal once), moving them in place: no second
    /// copy of the vectors is made. Called before the vectors are shared with searches, never while they scan.
    /// </summary>
    public void Arrange(IReadOnlyList<int> order)
    {
        if (order.Count != Count || order.Distinct().Count() != Count || order.Any(o => o < 0 || o >= Count))
        {
            throw new ArgumentException($"An order of {order.Count} rows that is not each of {Count} once.", nameof(order));
        }

        // Rows already in that order (knowledge whose sources list one country at a time) need no map to look through.
        if (storedAt is null && order.Select((ordinal, at) => ordinal == at).All(same => same))
        {
            return;
        }

        // Each stored row moves to where the order places its passage (target); each cycle of that permutation is
        // followed with one row held aside.
        var target = new int[Count];
        for (var at = 0; at < Count; at++)
        {
            target[Stored(order[at])] = at;
        }

        var held = new sbyte[Dimensions];
        var moved = new bool[Count];
        for (var start = 0; start < Count; start++)
        {
            if (moved[start] || target[start] == start)
            {
                continue;
            }

            values.AsSpan(start * Dimensions, Dimensions).CopyTo(held);
            var heldScale = scales[start];
            var from = start;
            while (true)
            {
                var to = target[from];
                moved[from] = true;
                (heldScale, scales[to]) = (scales[to], heldScale);
                var destination = values.AsSpan(to * Dimensions, Dimensions);
                for (var d = 0; d < Dimensions; d++)
                {
                    (held[d], destination[d]) = (destination[d], held[d]);
                }

                if (to == start)
                {
                    break;
                }

                from = to;
            }
        }

        storedAt = new int[Count];
        ordinalAt = order.ToArray();
        for (var at = 0; at < Count; at++)
        {
            storedAt[ordinalAt[at]] = at;
        }
    }

    /// <summary>Where the rows of <paramref name="ordinals"/> are stored, in storage order: the rows to give <see cref="Nearest"/>.</summary>
    public int[] StoredRows(IEnumerable<int> ordinals) => ordinals.Select(Stored).Order().ToArray();

    private int Stored(int ordinal) => storedAt is null ? ordinal : storedAt[ordinal];

    private int OrdinalAt(int stored) => ordinalAt is null ? stored : ordinalAt[stored];

    /// <summary>
    /// The <paramref name="count"/> passages most similar to <paramref name="query"/> (a unit vector, so the dot
    /// product is the cosine), best first, among those <paramref name="allowed"/> accepts.
    /// </summary>
    /// <param name="rows">The stored rows to compare, in storage order (<see cref="StoredRows"/>); null compares every row.</param>
    /// <param name="allowed">Which passages (by ordinal) may be found; null allows every one.</param>
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
        // A bounded min-heap keeps the best so far; its root is the weakest, replaced when a better one comes (of equal
        // cosines, the earlier passage is the better, whatever order the rows are stored in). The weakest is kept
        // apart, so that most rows cost one comparison after their dot product.
        var best = new PriorityQueue<int, (float Cosine, int Ordinal)>(count + 1, WeakestFirst.Instance);
        var weakest = (Cosine: float.NegativeInfinity, Ordinal: int.MaxValue);
        var stored = rows as int[];
        for (var i = from; i < to; i++)
        {
            var row = rows is null ? i : stored is not null ? stored[i] : rows[i];
            var ordinal = OrdinalAt(row);
            if (allowed is not null && !allowed(ordinal))
            {
                continue;
            }

            var cosine = IntegerDot.Of(query, values.AsSpan(row * Dimensions, Dimensions)) * scales[row] * queryScale;
            if (best.Count < count)
            {
                best.Enqueue(ordinal, (cosine, ordinal));
                if (best.Count == count)
                {
                    best.TryPeek(out _, out weakest);
                }
            }
            else if (cosine > weakest.Cosine || (cosine == weakest.Cosine && ordinal < weakest.Ordinal))
            {
                best.DequeueEnqueue(ordinal, (cosine, ordinal));
                best.TryPeek(out _, out weakest);
            }
        }

        return best.UnorderedItems.Select(item => (item.Element, item.Priority.Cosine)).ToList();
    }

    /// <summary>Orders the heap weakest first: the lower cosine, and of equal cosines the later passage.</summary>
    private sealed class WeakestFirst : IComparer<(float Cosine, int Ordinal)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Cosine, int Ordinal) x, (float Cosine, int Ordinal) y)
        {
            var byCosine = x.Cosine.CompareTo(y.Cosine);
            return byCosine != 0 ? byCosine : y.Ordinal.CompareTo(x.Ordinal);
        }
    }

    /// <summary>Best first; of equal cosines, the earlier passage first, so the order never depends on how the scan was split.</summary>
    private static (int Ordinal, float Cosine)[] Ranked(List<(int Ordinal, float Cosine)> candidates, int count) =>
        candidates.OrderByDescending(c => c.Cosine).ThenBy(c => c.Ordinal).Take(count).ToArray();
}
