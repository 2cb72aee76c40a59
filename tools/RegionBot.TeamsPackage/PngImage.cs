using System.Buffers.Binary;
using System.IO.Compression;

namespace RegionBot.TeamsPackage;

/// <summary>
/// A minimal reader for the PNG files Teams icons are: it reads the header (size and colour type) of any PNG, and
/// decodes the pixels of 8-bit, non-interlaced images so the outline icon can be checked for being white on
/// transparent. Teams rejects icons of the wrong size, and an outline icon with coloured or opaque background
/// pixels renders as a solid block in the Teams app bar.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _file;

    private PngImage(byte[] file, int width, int height, byte bitDepth, byte colorType, byte interlace)
    {
        _file = file;
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>The IHDR colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha.</summary>
    public byte ColorType { get; }

    public byte Interlace { get; }

    /// <summary>True when every pixel carries its own alpha value (colour types 4 and 6).</summary>
    public bool HasAlphaChannel => ColorType is 4 or 6;

    /// <summary>Reads the header; throws <see cref="InvalidDataException"/> when the bytes are not a PNG.</summary>
    public static PngImage Read(byte[] file)
    {
        // The IHDR chunk must come first: signature (8), length (4), type (4), then 13 bytes of header data.
        if (file.Length < 33 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("The file is not a PNG image (the PNG signature is missing).");
        }

        if (!file.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("The PNG image has no IHDR header chunk.");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20, 4));
        return new PngImage(file, width, height, file[24], file[25], file[28]);
    }

    /// <summary>
    /// Decodes the pixels as RGBA rows. Only 8-bit, non-interlaced grey, RGB, grey + alpha and RGBA images are
    /// supported, which covers what image tools write for icons; anything else throws <see cref="NotSupportedException"/>.
    /// </summary>
    public (byte R, byte G, byte B, byte A)[,] DecodeRgba()
    {
        var channels = ColorType switch
        {
            0 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new NotSupportedException($"PNG colour type {ColorType} cannot be decoded here."),
        };
        if (BitDepth != 8 || Interlace != 0)
        {
            throw new NotSupportedException("Only 8-bit, non-interlaced PNG images can be decoded here.");
        }

        var stride = Width * channels;
        var raw = Inflate(CollectImageData());
        if (raw.Length < (stride + 1) * Height)
        {
            throw new InvalidDataException("The PNG image data is shorter than its header says.");
        }

        var pixels = new (byte, byte, byte, byte)[Height, Width];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < Height; y++)
        {
            var rowStart = y * (stride + 1);
            Unfilter(raw[rowStart], raw.AsSpan(rowStart + 1, stride), previous, current, channels);
            for (var x = 0; x < Width; x++)
            {
                var p = x * channels;
                pixels[y, x] = channels switch
                {
                    1 => (current[p], current[p], current[p], (byte)255),
                    2 => (current[p], current[p], current[p], current[p + 1]),
                    3 => (current[p], current[p + 1], current[p + 2], (byte)255),
                    _ => (current[p], current[p + 1], current[p + 2], current[p + 3]),
                };
            }

            (previous, current) = (current, previous);
        }

        return pixels;
    }

    private byte[] CollectImageData()
    {
        using var data = new MemoryStream();
        var offset = 8;
        while (offset + 8 <= _file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(_file.AsSpan(offset, 4));
            if (length < 0 || offset + 12 + length > _file.Length)
            {
                throw new InvalidDataException("A PNG chunk runs past the end of the file.");
            }

            var type = _file.AsSpan(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                data.Write(_file, offset + 8, length);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            offset += 12 + length;
        }

        return data.ToArray();
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var input = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // Reverses the per-row PNG filters (None, Sub, Up, Average, Paeth) defined by the PNG specification.
    private static void Unfilter(byte filter, ReadOnlySpan<byte> filtered, byte[] previous, byte[] current, int bytesPerPixel)
    {
        for (var i = 0; i < filtered.Length; i++)
        {
            int left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
            int up = previous[i];
            int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
            };
            current[i] = (byte)(filtered[i] + predictor);
        }
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft)
        {
            return left;
        }

        return toUp <= toUpLeft ? up : upLeft;
    }
}
