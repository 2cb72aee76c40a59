using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace RegionBot.Knowledge.Indexing;

/// <summary>
/// The English analysis used for passages and questions alike: standard tokenisation, possessives removed, lower
/// case, accents folded, American spellings folded into British ones, stop words removed, Porter stemming.
/// </summary>
internal sealed class PassageAnalyzer : Analyzer
{
    /// <summary>
    /// Words Porter stems together although they mean different things: "to assure its security" (make certain) is no
    /// "assurance" (a promise), yet both would become "assur", so "what assurances did Uzbekistan get" matched the
    /// passage where the government acts to assure its security.
    /// </summary>
    private static readonly StemmerOverrideFilter.StemmerOverrideMap Overrides = BuildOverrides(
        ("assure", "assure"), ("assured", "assure"), ("assures", "assure"), ("assuring", "assure"));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, tokenizer);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new StopFilter(LuceneSettings.Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new StemmerOverrideFilter(stream, Overrides);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildOverrides(params (string Word, string Stem)[] overrides)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (word, stem) in overrides)
        {
            builder.Add(word, stem);
        }

        return builder.Build();
    }
}
