using System.Buffers;
using System.Text;

namespace RegionBot.Import.Reading;

/// <summary>Decodes text files strictly as UTF-8: a file in another encoding is refused rather than garbled.</summary>
internal static class Utf8Text
{
    public static string Decode(string displayName, byte[] bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        var line = 1;
        for (var offset = start; offset < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out var rune, out var consumed) != OperationStatus.Done)
            {
                throw new ImportException($"{displayName}:{line}: the file is not UTF-8 text; save it as UTF-8 and import it again");
            }

            line += rune.Value == '\n' ? 1 : 0;
            offset += consumed;
        }

        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
