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
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, tokenizer);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new StopFilter(LuceneSettings.Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
