using RegionBot.TeamsPackage;

namespace RegionBot.Tests.TeamsPackage;

public sealed class PngImageTests
{
    // A pattern where neighbouring pixels differ, so each row filter has real work to undo.
    private static (byte R, byte G, byte B, byte A) Pattern(int x, int y)
        => ((byte)(x * 37 + y * 11), (byte)(x * y + 90), (byte)(255 - x * 13), (byte)((x + y) % 3 == 0 ? 0 : 200 + x));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decodes_every_row_filter_back_to_the_original_pixels(byte filter)
    {
        var image = PngImage.Read(TestPng.Create(9, 7, withAlpha: true, Pattern, filter));

        var pixels = image.DecodeRgba();

        for (var y = 0; y < 7; y++)
        {
            for (var x = 0; x < 9; x++)
            {
                Assert.Equal(Pattern(x, y), pixels[y, x]);
            }
        }
    }

    [Fact]
    public void Reads_size_and_alpha_from_the_header()
    {
        var rgb = PngImage.Read(TestPng.Create(20, 10, withAlpha: false, (_, _) => (1, 2, 3, 255)));

        Assert.Equal((20, 10, (byte)2, false), (rgb.Width, rgb.Height, rgb.ColorType, rgb.HasAlphaChannel));
        Assert.Equal((1, 2, 3, 255), rgb.DecodeRgba()[9, 19]);
    }

    [Fact]
    public void Rejects_bytes_that_are_not_a_png()
    {
        var error = Assert.Throws<InvalidDataException>(() => PngImage.Read("GIF89a, definitely not a PNG file"u8.ToArray()));

        Assert.Contains("not a PNG", error.Message, StringComparison.Ordinal);
    }
}
