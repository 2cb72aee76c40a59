using RegionBot.Knowledge.Semantic;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>The integer dot product the scan repeats for every row is exact on every SIMD path it may take.</summary>
public sealed class IntegerDotTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(16)]
    [InlineData(21)]
    [InlineData(5)]
    [InlineData(4096)]
    public void The_integer_dot_product_is_exact_at_any_length_and_at_the_extremes_on_each_SIMD_path(int length)
    {
        var random = new Random(length);
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-16383, 16384)).ToArray();
        var row = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        long expected = 0;
        for (var i = 0; i < length; i++)
        {
            expected += query[i] * row[i];
        }

        Assert.Equal(expected, IntegerDot.Of(query, row));
        Assert.Equal(expected, IntegerDot.WithVector128(query, row));
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            Assert.Equal(expected, IntegerDot.WithAvx2(query, row));
        }

        // The largest magnitudes everywhere still fit the 32-bit lanes.
        Array.Fill(query, (short)16383);
        Array.Fill(row, (sbyte)-127);
        Assert.Equal(-16383L * 127 * length, IntegerDot.Of(query, row));
        Assert.Equal(-16383L * 127 * length, IntegerDot.WithVector128(query, row));
    }
}
