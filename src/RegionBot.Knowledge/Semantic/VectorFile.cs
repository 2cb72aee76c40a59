using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// The passage vectors of one version of the knowledge, stored in its index folder: a header (format, model,
/// dimensions, content hash), then per passage its id, a hash of the text that was embedded, the vector's scale and
/// its 8-bit values, then a SHA-256 of everything before it. A file whose checksum fails is never read; one whose
/// header or passages do not match the knowledge is not adopted as it stands, but its vectors can be reused passage
/// by passage.
/// </summary>
/// <remarks>
/// The vectors are stored as they are searched (<see cref="PassageVectors"/>): quantised once, when computed, so a
/// restart reads a quarter of the bytes and never holds the float vectors at all, and a reused vector is bit for bit
/// the one computed before. Format 1 held float vectors; a file of that format is not read, so it is rebuilt.
/// </remarks>
internal static class VectorFile
{
    public const string FileName = "passage-vectors.bin";
    private const string Magic = "RBVEC";
    private const int Format = 2;
    private const int ChecksumLength = 32;

    /// <summary>What a file holds: its header, and per passage its id, text hash and vector (row i of <see cref="Vectors"/>).</summary>
    public sealed record Contents(string Model, int Dimensions, string ContentHash, string[] Ids, string[] TextHashes, PassageVectors Vectors);

    /// <summary>A short, stable hash of the text a vector was computed from, so a changed passage is re-embedded.</summary>
    public static string HashText(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);

    /// <summary>Writes the file atomically: to a temporary name in the same folder, then renamed over any old one.</summary>
    public static void Write(string path, Contents contents)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using var hashing = new HashingStream(file);
                using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(Format);
                    writer.Write(contents.Model);
                    writer.Write(contents.Dimensions);
                    writer.Write(contents.ContentHash);
                    writer.Write(contents.Ids.Length);
                    for (var row = 0; row < contents.Ids.Length; row++)
                    {
                        writer.Write(contents.Ids[row]);
                        writer.Write(contents.TextHashes[row]);
                        writer.Write(contents.Vectors.Scale(row));
                        writer.Write(MemoryMarshal.AsBytes(contents.Vectors.Row(row)));
                    }
                }

                file.Write(hashing.Hash());
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Reads a file whose checksum holds; null when it is missing, truncated, corrupt or of another format.</summary>
    public static Contents? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path) || !ChecksumHolds(path))
            {
                return null;
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(file, Encoding.UTF8);
            var bodyLength = file.Length - ChecksumLength;
            if (reader.ReadString() != Magic || reader.ReadInt32() != Format)
            {
                return null;
            }

            var model = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var contentHash = reader.ReadString();
            var count = reader.ReadInt32();

            // The checksum holds, so these come from a writer; the bounds still keep a bad file from exhausting memory.
            if (dimensions is <= 0 or > 4096 || count < 0 || (long)count * (dimensions + sizeof(float)) > bodyLength)
            {
                return null;
            }

            var ids = new string[count];
            var hashes = new string[count];
            var values = new sbyte[count * dimensions];
            var scales = new float[count];
            for (var row = 0; row < count; row++)
            {
                ids[row] = reader.ReadString();
                hashes[row] = reader.ReadString();
                scales[row] = reader.ReadSingle();
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan(row * dimensions, dimensions)));
            }

            return file.Position == bodyLength && scales.All(float.IsFinite)
                ? new Contents(model, dimensions, contentHash, ids, hashes, new PassageVectors(values, scales, count, dimensions))
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool ChecksumHolds(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (file.Length < ChecksumLength + 8)
        {
            return false;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var remaining = file.Length - ChecksumLength;
        while (remaining > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                return false;
            }

            hash.AppendData(buffer, 0, read);
            remaining -= read;
        }

        var stored = new byte[ChecksumLength];
        file.ReadExactly(stored);
        return hash.GetHashAndReset().AsSpan().SequenceEqual(stored);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary file left behind is harmless: it never takes the vector file's name.
        }
    }

    /// <summary>Writes through to a stream while hashing what passes.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] Hash() => hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
