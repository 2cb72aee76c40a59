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
/// A Lucene index over the passages of one knowledge base: one reader and one searcher that never change. The
/// reader's own reference count (<see cref="IndexReader.TryIncRef"/>, <see cref="IndexReader.DecRef"/>) is the only
/// count of who uses the index: the owner holds one reference until it disposes the index, each search holds another,
/// and the index closes its files and tells its owner when the last reference is given back.
/// </summary>
internal sealed class PassageIndex : IDisposable
{
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    private PassageIndex(Directory directory, DirectoryReader reader, Action? closed)
    {
        this.reader = reader;
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        reader.AddReaderDisposedListener(new WhenDisposed(() =>
        {
            directory.Dispose();
            closed?.Invoke();
        }));
    }

    /// <summary>
    /// Bumped whenever the analyzer or the document fields change, so an index written by an older build is rebuilt
    /// rather than searched with different rules. The words by which a passage gives a number, time, date, amount of
    /// money, place or name are indexed with it (<see cref="PassageFields.Gives"/>), so a change to them is a new format too.
    /// </summary>
    public static readonly string Format = "regionbot-index-16-" + PassageFacts.Version(Lexicon.Default);

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
            var passage = knowledge.Passages[ordinal];
            var previous = ordinal > 0 ? knowledge.Passages[ordinal - 1] : null;
            var document = ToDocument(passage, previous is not null && SameSection(previous, passage) ? previous : null);
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
    /// Opens the index in <paramref name="directory"/>, which must hold a complete index of exactly this knowledge.
    /// With <paramref name="verify"/>, every file is first checked against the checksum Lucene wrote into it, for an
    /// index this process did not just write itself. The index owns the directory from then on; when the last
    /// reference is given back it disposes it and calls <paramref name="closed"/>.
    /// </summary>
    /// <exception cref="Exception">
    /// Anything: a stored index can be damaged in any way, and Lucene reports damage with many exception types
    /// (for example <see cref="CorruptIndexException"/>, <see cref="EndOfStreamException"/>, or an
    /// <see cref="ArgumentException"/> for an unknown block format). The message says what is wrong.
    /// </exception>
    public static PassageIndex Open(KnowledgeBase knowledge, Directory directory, bool verify, Action? closed = null)
    {
        var reader = DirectoryReader.Open(directory);
        try
        {
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(FormatKey, out var format) || format != Format)
            {
                throw new CorruptIndexException($"the index has format '{format}', not '{Format}'");
            }

            if (!data.TryGetValue(ContentHashKey, out var hash) || hash != knowledge.ContentHash || reader.NumDocs != knowledge.Passages.Count)
            {
                throw new CorruptIndexException("the index holds other knowledge than the knowledge folder");
            }

            if (verify)
            {
                IndexIntegrity.Verify(directory, reader.IndexCommit);
            }

            return new PassageIndex(directory, reader, closed);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference for a search; false once the index has closed.</summary>
    public bool TryAcquire() => reader.TryIncRef();

    /// <summary>Gives back a reference taken by <see cref="TryAcquire"/>.</summary>
    public void Release() => reader.DecRef();

    /// <summary>Runs <paramref name="search"/> with the searcher, holding a reference until it returns.</summary>
    /// <exception cref="ObjectDisposedException">The index has closed.</exception>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        reader.IncRef();
        try
        {
            return search(searcher);
        }
        finally
        {
            reader.DecRef();
        }
    }

    /// <summary>Gives up the owner's reference: the index closes now, or when the last search on it ends. Idempotent.</summary>
    public void Dispose() => reader.Dispose();

    /// <param name="before">The paragraph before it in the same section, whose words set its scene; null for a section's first.</param>
    private static Document ToDocument(Passage passage, Passage? before)
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
        if (before is not null)
        {
            document.Add(new TextField(PassageFields.Context, before.Text, Field.Store.NO));
        }

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

    private static bool SameSection(Passage one, Passage other) =>
        string.Equals(one.Source.Id, other.Source.Id, StringComparison.Ordinal) && string.Equals(one.Section, other.Section, StringComparison.Ordinal);

    /// <summary>What a passage is about beyond its own words: who said it, in what role, and which country.</summary>
    internal static string About(Passage passage) =>
        string.Join(" · ", new[] { passage.Speaker, passage.Role, passage.Country }.Where(x => x is not null));

    private sealed class WhenDisposed(Action action) : IReaderDisposedListener
    {
        public void OnDispose(IndexReader reader) => action();
    }
}
