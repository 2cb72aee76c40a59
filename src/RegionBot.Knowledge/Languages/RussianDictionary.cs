using System.IO.Compression;
using System.Reflection;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// The stems of the Russian language's words, from the lemmas of Debian's hunspell-ru dictionary
/// (Search/Lexicon/russian-dictionary.txt.gz, see NOTICE-russian-dictionary.md), so that typo correction can tell a
/// real word from a slip. Stemmed with the same Snowball stemmer as questions, once, on first use.
/// </summary>
internal sealed class RussianDictionary
{
    private const string Resource = "RegionBot.Knowledge.Lexicon.russian-dictionary.txt.gz";

    private readonly Lazy<HashSet<string>> stems = new(Load);

    public static RussianDictionary Default { get; } = new();

    /// <summary>Whether some word of the dictionary has this stem.</summary>
    public bool HasStem(string stem) => stems.Value.Contains(stem);

    /// <summary>Reads the stems now, so that the first question needing them does not wait.</summary>
    public void WarmUp() => _ = stems.Value;

    private static HashSet<string> Load()
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The lexicon resource {Resource} is missing from the build.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var stemmer = new RussianStemmer();
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } word)
        {
            stemmer.SetCurrent(word);
            stemmer.Stem();
            found.Add(stemmer.Current);
        }

        return found;
    }
}
