using Lucene.Net.Util;

namespace RegionBot.Knowledge.Indexing;

/// <summary>The one Lucene version every analyzer, tokenizer and writer of RegionBot is built against.</summary>
internal static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
