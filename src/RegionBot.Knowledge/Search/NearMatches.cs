using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// Which candidate passages say two things next to each other, where a question asks about the one qualified by the
/// other: an office and its holder ("Taliban's de facto leader", "Foreign Minister of Pakistan"), a person and a verb
/// of saying ("the Uzbek Defence Ministry later announced"), or a number and what it counts ("hundreds of Afghan military personnel"). A passage naming both apart does not answer: "Kyrgyzstan's
/// Foreign Minister ... the Taliban" is not the Taliban's foreign minister, and "six days after" counts no soldiers.
/// </summary>
internal static class NearMatches
{
    /// <summary>How many words may stand between the two: "Russian Deputy Foreign Minister", "hundreds of Afghan military personnel".</summary>
    private const int Slop = 3;

    /// <summary>How far the words telling which office it is may stand from it ("Minister of Foreign Affairs").</summary>
    private const int QualifierSlop = 2;

    /// <summary>Digits as the analyzer keeps them: "18", "2.4", "1,000".</summary>
    private const string Digits = "[0-9][0-9.,]*";

    /// <summary>The office named beside its holder, in the paragraph or in who speaks.</summary>
    public static Query Office(HeldOffice office) => new BooleanQuery
    {
        { Near(PassageFields.Text, office.Holder, [Named(PassageFields.Text, office)]), Occur.SHOULD },
        { Near(PassageFields.About, office.Holder, [Named(PassageFields.About, office)]), Occur.SHOULD },
    };

    /// <summary>
    /// The office with the words that tell which it is, in any order close by: "foreign minister" is also "Minister of
    /// Foreign Affairs".
    /// </summary>
    private static SpanQuery Named(string field, HeldOffice office)
    {
        var term = new SpanTermQuery(new Term(field, office.Office));
        return office.Qualifiers.Count == 0 ? term
            : new SpanNearQuery([term, .. office.Qualifiers.Select(q => (SpanQuery)new SpanTermQuery(new Term(field, q)))], QualifierSlop, inOrder: false);
    }

    /// <summary>Someone holding the office speaks in the passage: "who is Kazakhstan's deputy foreign minister".</summary>
    public static Query Holding(string office) => new TermQuery(new Term(PassageFields.About, office));

    /// <summary>The person speaks in the passage, or a verb of saying stands beside their name in it.</summary>
    public static Query SaidBy(Sayer sayer)
    {
        var query = new BooleanQuery
        {
            { Near(PassageFields.Text, sayer.Person, sayer.Speech.Select(term => (SpanQuery)new SpanTermQuery(new Term(PassageFields.Text, term))).ToArray()), Occur.SHOULD },
        };
        foreach (var term in sayer.Person)
        {
            query.Add(new TermQuery(new Term(PassageFields.About, term)), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>A number (in digits or in words) beside what the question counts.</summary>
    public static Query Counted(CountedThing counted)
    {
        var numbers = counted.NumberWords
            .Select(word => (SpanQuery)new SpanTermQuery(new Term(PassageFields.Text, word)))
            .Append(new SpanMultiTermQueryWrapper<RegexpQuery>(new RegexpQuery(new Term(PassageFields.Text, Digits))))
            .ToArray();
        return Near(PassageFields.Text, counted.Thing, numbers);
    }

    /// <summary>The candidates matching every query, read by advancing each query's scorer to them.</summary>
    public static HashSet<int> Matching(IndexSearcher searcher, IEnumerable<int> candidates, IEnumerable<Query> queries)
    {
        var sorted = candidates.Order().ToArray();
        var matching = sorted.ToHashSet();
        foreach (var query in queries)
        {
            var weight = searcher.CreateNormalizedWeight(query);
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

            matching.IntersectWith(found);
        }

        return matching;
    }

    private static SpanNearQuery Near(string field, IReadOnlyList<string> terms, SpanQuery[] others)
    {
        var one = new SpanOrQuery(terms.Select(term => (SpanQuery)new SpanTermQuery(new Term(field, term))).ToArray());
        return new SpanNearQuery([one, new SpanOrQuery(others)], Slop, inOrder: false);
    }
}
