namespace RegionBot.Import.Reading;

/// <summary>The formats <c>import</c> reads, recognised by the file's extension.</summary>
public static class ArticleFormats
{
    private static readonly Dictionary<string, Func<IArticleReader>> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = () => new HtmlArticleReader(),
        [".htm"] = () => new HtmlArticleReader(),
        [".txt"] = () => new PlainTextReader(),
        [".md"] = () => new MarkdownArticleReader(),
        [".markdown"] = () => new MarkdownArticleReader(),
        [".pdf"] = () => new PdfArticleReader(),
        [".docx"] = () => new WordArticleReader(),
    };

    public static IReadOnlyCollection<string> Extensions => Readers.Keys;

    public static bool IsSupported(string path) => Readers.ContainsKey(Path.GetExtension(path));

    internal static IArticleReader ReaderFor(string path, string displayName)
    {
        var extension = Path.GetExtension(path);
        if (!Readers.TryGetValue(extension, out var reader))
        {
            var what = extension.Length == 0 ? "a file without an extension" : $"'{extension}' files";
            throw new ImportException($"{displayName}: cannot import {what}; supported are {string.Join(", ", Readers.Keys)}");
        }

        return reader();
    }
}
