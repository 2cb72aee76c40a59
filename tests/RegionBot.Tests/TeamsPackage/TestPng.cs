using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RegionBot.Tests.TeamsPackage;

/// <summary>
/// Writes small PNG files with chosen pixels, and reads the IHDR header of a PNG independently of the code under
/// test, so icon checks are verified against bytes the test itself controls.
/// </summary>
internal static class TestPng
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>
    /// An 8-bit RGBA (colour type 6) or RGB (colour type 2) image where every pixel comes from <paramref name="pixel"/>,
    /// with every row encoded using the PNG row <paramref name="filter"/> (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth).
    /// </summary>
    public static byte[] Create(int width, int height, bool withAlpha, Func<int, int, (byte R, byte G, byte B, byte A)> pixel, byte filter = 0)
    {
        var channels = withAlpha ? 4 : 3;
        var raw = new MemoryStream();
        var previous = new byte[width * channels];
        for (var y = 0; y < height; y++)
        {
            var row = new byte[width * channels];
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                byte[] values = withAlpha ? [r, g, b, a] : [r, g, b];
                values.CopyTo(row, x * channels);
            }

            raw.WriteByte(filter);
            for (var i = 0; i < row.Length; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    _ => PaethPredictor(left, up, upLeft),
                };
                raw.WriteByte((byte)(row[i] - predictor));
            }

            previous = row;
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(withAlpha ? 6 : 2);

        var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", compressed.ToArray());
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Width, height and colour type straight from the IHDR chunk that follows the PNG signature.</summary>
    public static (int Width, int Height, byte ColorType) ReadHeader(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    private static int PaethPredictor(int left, int up, int upLeft)
    {
        var p = left + up - upLeft;
        var (pa, pb, pc) = (Math.Abs(p - left), Math.Abs(p - up), Math.Abs(p - upLeft));
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(typeBytes);
        output.Write(data);

        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc ^ 0xFFFFFFFFu);
        output.Write(crcBytes);
    }
}
