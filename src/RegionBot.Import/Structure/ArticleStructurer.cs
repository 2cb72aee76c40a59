using RegionBot.Import.Drafting;
using RegionBot.Import.Reading;
using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Structure;

/// <summary>
/// Turns an article's headings and paragraphs into a draft: sections from headings (paragraphs before the first one
/// form the "Overview"), each section's country, each paragraph's kind and speaker, and the front matter. Passage
/// ids are left empty for <see cref="PassageIds"/>.
/// </summary>
internal static class ArticleStructurer
{
    public const string FirstSectionHeading = "Overview";

    /// <summary>Written when the article gives a speaker but no role; the review asks for one.</summary>
    public const string UnknownRole = "role not given in the article";

    private const int MaxTitleWords = 14;

    public static KnowledgeDraft Structure(ArticleDocument document, string sourceId, string sourceFile, IEnumerable<Passage> knownStatements)
    {
        var notes = new List<string>();
        var metadata = document.Metadata;
        var blocks = document.Blocks.Select(b => b with { Text = OneLine(b.Text) }).Where(b => b.Text.Length > 0).ToList();
        var sourceLine = blocks.FindLastIndex(b => b.Text.StartsWith("Source:", StringComparison.OrdinalIgnoreCase) && b.Text.Length <= 80);
        if (sourceLine >= 0 && sourceLine >= blocks.Count - 2)
        {
            var publisher = blocks[sourceLine].Text["Source:".Length..].Trim();
            blocks.RemoveAt(sourceLine);
            if (metadata.Publisher is null && publisher.Length > 0)
            {
                metadata = metadata with { Publisher = publisher, Origin = With(metadata.Origin, "publisher", "the article's 'Source:' line") };
            }
        }

        if (metadata.Title is null && blocks.Count > 1 && blocks[0].Kind == ArticleBlockKind.Heading && blocks[1].Kind == ArticleBlockKind.Paragraph)
        {
            metadata = metadata with { Title = blocks[0].Text, Origin = With(metadata.Origin, "title", "the article's first line") };
            blocks.RemoveAt(0);
        }

        if (metadata.Title is null && blocks.FirstOrDefault(b => b.Kind == ArticleBlockKind.Paragraph) is { } first)
        {
            metadata = metadata with { Title = OpeningWords(first.Text), Origin = With(metadata.Origin, "title", "the article's opening words: the source gives no headline; check it") };
        }

        var publisherName = metadata.Publisher;
        if (publisherName is null)
        {
            publisherName = "Unknown publisher";
            notes.Add("publisher: the source does not name one; fill it in");
        }

        var directory = new SpeakerDirectory(knownStatements);
        var detector = new StatementDetector(directory);
        var sections = new List<DraftSection>();
        foreach (var (heading, paragraphs) in Group(blocks))
        {
            var (country, reason) = CountryGuess.For(heading, paragraphs, directory);
            var sectionCountry = string.Equals(country, Countries.Region, StringComparison.Ordinal) ? null : country;
            var passages = new List<DraftPassage>();
            Person? previousSpeaker = null;
            foreach (var paragraph in paragraphs)
            {
                var attribution = detector.Analyse(paragraph, sectionCountry, previousSpeaker);
                if (attribution is { Kind: PassageKind.Statement, Speaker: { } speaker })
                {
                    previousSpeaker = speaker;
                    var note = string.Join("; ", new[]
                    {
                        attribution.Evidence is { } e && !string.Equals(Roles.Straighten(e), speaker.Name, StringComparison.Ordinal) ? $"read from '{e}'" : null,
                        speaker.Role is null ? "the article gives no role: fill it in" : null,
                        attribution.Doubt,
                    }.Where(n => n is not null));
                    passages.Add(new DraftPassage("", PassageKind.Statement, speaker.Name, speaker.Role ?? UnknownRole, paragraph, note.Length == 0 ? null : note, false));
                }
                else
                {
                    passages.Add(new DraftPassage("", PassageKind.Context, null, null, paragraph, attribution.Doubt, false));
                }
            }

            sections.Add(new DraftSection(heading, country, reason, passages));
        }

        return new KnowledgeDraft(sourceId, sourceFile, metadata, publisherName, metadata.Title!, sections, notes);
    }

    private static IEnumerable<(string Heading, List<string> Paragraphs)> Group(List<ArticleBlock> blocks)
    {
        var heading = FirstSectionHeading;
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            if (block.Kind == ArticleBlockKind.Heading)
            {
                if (paragraphs.Count > 0)
                {
                    yield return (heading, paragraphs);
                    paragraphs = [];
                }

                heading = block.Text;
            }
            else
            {
                paragraphs.Add(block.Text);
            }
        }

        if (paragraphs.Count > 0)
        {
            yield return (heading, paragraphs);
        }
    }

    /// <summary>
    /// A title for an article without a headline: its first sentence, cut before the first comma or subordinate
    /// clause when what stays still says something ("All eyes are on Central Asia as …" → "All eyes are on Central Asia").
    /// </summary>
    private static string OpeningWords(string paragraph)
    {
        var sentence = Sentences.Split(paragraph)[0].TrimEnd('.', '!', '?');
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 3; i < words.Length; i++)
        {
            if (words[i] is "as" or "after" or "while" or "because" or "when" or "since" or "although" || words[i - 1].EndsWith(','))
            {
                return string.Join(' ', words[..i]).TrimEnd(',');
            }
        }

        return string.Join(' ', words.Take(MaxTitleWords));
    }

    /// <summary>A passage is one line of the knowledge file; line and paragraph separators inside become spaces.</summary>
    private static string OneLine(string text) =>
        new string(text.Select(c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\v' ? ' ' : c).ToArray()).Trim();

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> origin, string key, string value) =>
        new(origin, StringComparer.Ordinal) { [key] = value };
}
