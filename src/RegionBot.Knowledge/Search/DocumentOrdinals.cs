using Lucene.Net.Index;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>Maps a document to its passage through the position the passage had when it was indexed.</summary>
internal sealed class DocumentOrdinals(IndexReader reader)
{
    private readonly IList<AtomicReaderContext> leaves = reader.Leaves;

    public int Of(int doc)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return (int)leaf.AtomicReader.GetNumericDocValues(PassageFields.Ordinal).Get(doc - leaf.DocBase);
    }
}
