using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace RegionBot.Knowledge.Languages;

/// <summary>
/// Russian analysis with Lucene.Net.Analysis.Common: the standard tokenizer, lower case, and the Snowball Russian
/// stemmer, so that every case of a noun or adjective ("Казахстан", "Казахстана", "Казахстаном") and most forms of a
/// verb meet in one stem. Stop words are kept: the lexicon decides what a short word means.
/// </summary>
internal sealed class RussianStemAnalyzer : Analyzer
{
    private const int MaxCachedWords = 50_000;

    private readonly ConcurrentDictionary<string, string> stems = new(StringComparer.Ordinal);

    public static RussianStemAnalyzer Default { get; } = new();

    /// <summary>The stem of one word, normalised first (lower case, "ё" as "е"); the word itself when it has none.</summary>
    public string Stem(string word)
    {
        var normalized = RussianText.Normalize(word);
        if (stems.TryGetValue(normalized, out var known))
        {
            return known;
        }

        var stem = Analyze(normalized).FirstOrDefault() ?? normalized;

        // Bounded: past its size the cache stops remembering rather than grow with whatever users type.
        if (stems.Count < MaxCachedWords)
        {
            stems.TryAdd(normalized, stem);
        }

        return stem;
    }

    /// <summary>The stems of a text, in order.</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", new StringReader(RussianText.Normalize(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new SnowballFilter(stream, new RussianStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }
}
