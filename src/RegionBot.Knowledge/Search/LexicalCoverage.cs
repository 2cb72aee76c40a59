using Lucene.Net.Index;
using Lucene.Net.Search;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Which candidate documents contain which of the question's terms, read from the index's postings, so that
/// checking coverage costs a few seeks per term whatever the size of the knowledge.
/// </summary>
internal sealed class LexicalCoverage
{
    private readonly Dictionary<(string Field, string Term), HashSet<int>> containing = new();

    public LexicalCoverage(IndexReader reader, IEnumerable<int> candidates, IEnumerable<Concept> concepts, Func<string, bool> occurs)
    {
        var sorted = candidates.Order().ToArray();
        var wanted = concepts
            .SelectMany(c => c.Kind switch
            {
                ConceptKind.Quantity => [(PassageFields.Gives, PassageFacts.Number)],
                ConceptKind.Time => [(PassageFields.Gives, PassageFacts.Time)],
                ConceptKind.Date => [(PassageFields.Gives, PassageFacts.Date)],
                ConceptKind.Money => [(PassageFields.Gives, PassageFacts.Money)],
                ConceptKind.Person => [(PassageFields.Gives, PassageFacts.Person)],
                ConceptKind.Topic or ConceptKind.Name => [],
                _ => c.Alternatives.SelectMany(a => a).Select(t => (PassageFields.All, t)),
            })
            .Distinct()
            .ToArray();
        foreach (var key in wanted)
        {
            containing[key] = [];
        }

        foreach (var leaf in reader.Leaves)
        {
            var inLeaf = sorted.Where(doc => doc >= leaf.DocBase && doc < leaf.DocBase + leaf.Reader.MaxDoc).ToArray();
            if (inLeaf.Length == 0)
            {
                continue;
            }

            foreach (var (field, term) in wanted)
            {
                if (field == PassageFields.All && !occurs(term))
                {
                    continue;
                }

                var postings = leaf.AtomicReader.GetTermDocsEnum(new Term(field, term));
                if (postings is null)
                {
                    continue;
                }

                foreach (var doc in inLeaf)
                {
                    var local = doc - leaf.DocBase;
                    var at = postings.DocID >= local ? postings.DocID : postings.Advance(local);
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (at == local)
                    {
                        containing[(field, term)].Add(doc);
                    }
                }
            }
        }
    }

    public bool Covers(int doc, Concept concept) => concept.Kind switch
    {
        ConceptKind.Topic or ConceptKind.Name => true,
        ConceptKind.Quantity => Contains(PassageFields.Gives, PassageFacts.Number, doc),
        ConceptKind.Time => Contains(PassageFields.Gives, PassageFacts.Time, doc),
        ConceptKind.Date => Contains(PassageFields.Gives, PassageFacts.Date, doc),
        ConceptKind.Money => Contains(PassageFields.Gives, PassageFacts.Money, doc),
        ConceptKind.Person => Contains(PassageFields.Gives, PassageFacts.Person, doc),
        _ => concept.Alternatives.Any(alternative => alternative.All(term => Contains(PassageFields.All, term, doc))),
    };

    private bool Contains(string field, string term, int doc) => containing[(field, term)].Contains(doc);
}
