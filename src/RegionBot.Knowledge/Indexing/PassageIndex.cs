using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using Directory = Lucene.Net.Store.Directory;

namespace RegionBot.Knowledge.Indexing;

/// <summary>
/// A Lucene index over the passages of one knowledge base, and the one long-lived owner of its searchers.
/// </summary>
internal sealed class PassageIndex : IDisposable
{
    private readonly Directory directory;
    private readonly SearcherManager searchers;

    private PassageIndex(Directory directory)
    {
        this.directory = directory;
        searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    /// <summary>
    /// Bumped whenever the analyzer or the document fields change, so an index written by an older build is rebuilt
    /// rather than searched with different rules.
    /// </summary>
    public const string Format = "regionbot-index-3";

    private const string FormatKey = "format";
    private const string ContentHashKey = "contentHash";
    private const string PassageCountKey = "passages";

    /// <summary>Writes every passage into <paramref name="directory"/>, recording which knowledge it holds in the commit.</summary>
    public static void Write(KnowledgeBase knowledge, Directory directory, Analyzer analyzer)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),

            // Large knowledge is indexed in one pass: a bigger buffer means fewer segments to merge afterwards.
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        for (var ordinal = 0; ordinal < knowledge.Passages.Count; ordinal++)
        {
            var document = ToDocument(knowledge.Passages[ordinal]);
            document.Add(new NumericDocValuesField(PassageFields.Ordinal, ordinal));
            writer.AddDocument(document);
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [FormatKey] = Format,
            [ContentHashKey] = knowledge.ContentHash,
            [PassageCountKey] = knowledge.Passages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        writer.ForceMerge(1);
        writer.Commit();
    }

    /// <summary>
    /// Opens an index written earlier for exactly this knowledge, or returns null when the directory holds no
    /// complete index of it (missing, partial, corrupt, another format or other knowledge).
    /// </summary>
    public static PassageIndex? TryOpen(KnowledgeBase knowledge, Directory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return null;
            }

            using (var reader = DirectoryReader.Open(directory))
            {
                var data = reader.IndexCommit.UserData;
                var complete = data.TryGetValue(FormatKey, out var format) && format == Format
                    && data.TryGetValue(ContentHashKey, out var hash) && hash == knowledge.ContentHash
                    && reader.NumDocs == knowledge.Passages.Count;
                if (!complete)
                {
                    return null;
                }
            }

            return new PassageIndex(directory);
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="search"/> with a searcher that stays valid until it returns.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
    }

    private static Document ToDocument(Passage passage)
    {
        var about = About(passage);
        var document = new Document
        {
            new StringField(PassageFields.Id, passage.Id, Field.Store.YES),
            new StringField(PassageFields.Country, passage.Country, Field.Store.NO),
            new StringField(PassageFields.Kind, passage.Kind == PassageKind.Statement ? "statement" : "context", Field.Store.NO),
            new TextField(PassageFields.Text, passage.Text, Field.Store.NO),
            new TextField(PassageFields.About, about, Field.Store.NO),
            new TextField(PassageFields.Section, passage.Section, Field.Store.NO),
            new TextField(PassageFields.All, passage.Text + " " + about, Field.Store.NO),
        };
        foreach (var fact in PassageSearcher.FactsGiven(passage))
        {
            document.Add(new StringField(PassageFields.Gives, fact, Field.Store.NO));
        }

        if (passage.Speaker is not null)
        {
            document.Add(new StringField(PassageFields.Speaker, passage.Speaker, Field.Store.NO));
        }

        return document;
    }

    /// <summary>What a passage is about beyond its own words: who said it, in what role, and which country.</summary>
    internal static string About(Passage passage) =>
        string.Join(" · ", new[] { passage.Speaker, passage.Role, passage.Country }.Where(x => x is not null));

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
