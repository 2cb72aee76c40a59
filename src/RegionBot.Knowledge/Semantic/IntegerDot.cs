using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// The exact integer dot product of a question kept at 16 bits and a passage's row of 8-bit values
/// (<see cref="PassageVectors"/>), in SIMD: the one computation an exact scan repeats for every row.
/// </summary>
internal static class IntegerDot
{
    /// <summary>The integer dot product of a question and a row, thirty-two dimensions per step with AVX2 (sixteen with portable SIMD).</summary>
    public static long Of(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row) =>
        Avx2.IsSupported ? WithAvx2(query, row)
        : Vector128.IsHardwareAccelerated ? WithVector128(query, row)
        : Tail(query, row, 0, 0);

    /// <summary>Sign-extends 16 bytes of the row to 16-bit, multiplies them with the question and adds pairs into 32-bit lanes.</summary>
    public static long WithAvx2(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
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
    public static long WithVector128(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
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
