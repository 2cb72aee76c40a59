using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Which candidate passages name each office the question asks about next to its holder ("Taliban's de facto leader",
/// "Foreign Minister of Pakistan"), in the paragraph or in who speaks. A passage that names the office for someone
/// else and the holder elsewhere ("Kyrgyzstan's Foreign Minister ... the Taliban") does not answer "who is the
/// Taliban's foreign minister".
/// </summary>
internal static class OfficeHolders
{
    /// <summary>How many words may stand between the holder and the office: "Russian Deputy Foreign Minister".</summary>
    private const int Slop = 3;

    public static HashSet<int> Naming(IndexSearcher searcher, IEnumerable<int> candidates, IReadOnlyList<HeldOffice> offices)
    {
        var sorted = candidates.Order().ToArray();
        var naming = sorted.ToHashSet();
        foreach (var office in offices)
        {
            var weight = searcher.CreateNormalizedWeight(new BooleanQuery
            {
                { Near(PassageFields.Text, office), Occur.SHOULD },
                { Near(PassageFields.About, office), Occur.SHOULD },
            });
            var found = new HashSet<int>();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null)
                {
                    continue;
                }

                foreach (var doc in sorted.Where(doc => doc >= leaf.DocBase && doc < leaf.DocBase + leaf.Reader.MaxDoc))
                {
                    var local = doc - leaf.DocBase;
                    var at = scorer.DocID >= local ? scorer.DocID : scorer.Advance(local);
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at == local)
                    {
                        found.Add(doc);
                    }
                }
            }

            naming.IntersectWith(found);
        }

        return naming;
    }

    private static SpanNearQuery Near(string field, HeldOffice office)
    {
        var holder = new SpanOrQuery(office.Holder.Select(term => (SpanQuery)new SpanTermQuery(new Term(field, term))).ToArray());
        return new SpanNearQuery([holder, new SpanTermQuery(new Term(field, office.Office))], Slop, inOrder: false);
    }
}
