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

    /// <param name="withContext">
    /// Whether to read which documents' preceding paragraphs hold the terms (<see cref="CoversInContext"/>): only a
    /// question naming a speaker or an actor uses them.
    /// </param>
    public LexicalCoverage(IndexReader reader, IEnumerable<int> candidates, IEnumerable<Concept> concepts, Func<string, bool> occurs, bool withContext)
    {
        var sorted = candidates.Order().ToArray();
        var wanted = concepts
            .SelectMany(c => PassageFacts.Required(c) is { } fact ? [(PassageFields.Gives, fact)]
                : c.Kind is ConceptKind.Topic or ConceptKind.Name ? []
                : c.Alternatives.SelectMany(a => a).SelectMany(t => withContext ? new[] { (PassageFields.All, t), (PassageFields.Context, t) } : [(PassageFields.All, t)]))
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
                if (field is PassageFields.All or PassageFields.Context && !occurs(term))
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

    public bool Covers(int doc, Concept concept) =>
        PassageFacts.Required(concept) is { } fact ? Contains(PassageFields.Gives, fact, doc)
        : concept.Kind is ConceptKind.Topic or ConceptKind.Name || concept.Alternatives.Any(alternative => alternative.All(term => Contains(PassageFields.All, term, doc)));

    /// <summary>
    /// Whether the paragraph before the document, in its section, has a concept the document lacks: the scene it does
    /// not repeat ("the CSTO session" Tokayev spoke at).
    /// </summary>
    public bool CoversInContext(int doc, Concept concept) =>
        PassageFacts.Required(concept) is null && concept.Kind is not (ConceptKind.Topic or ConceptKind.Name)
        && concept.Alternatives.Any(alternative => alternative.All(term => Contains(PassageFields.Context, term, doc)));

    private bool Contains(string field, string term, int doc) => containing.TryGetValue((field, term), out var docs) && docs.Contains(doc);
}
