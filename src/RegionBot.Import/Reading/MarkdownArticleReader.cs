using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RegionBot.Import.Reading;

/// <summary>
/// Reads Markdown with Markdig: headings become headings (a level-1 heading before any paragraph is the article's
/// title), paragraphs keep their text without the markup, quotes and list items count as paragraphs.
/// </summary>
internal sealed class MarkdownArticleReader : IArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public ArticleDocument Read(string displayName, byte[] bytes, CancellationToken cancellationToken)
    {
        var document = Markdown.Parse(Utf8Text.Decode(displayName, bytes), Pipeline);
        var blocks = new List<ArticleBlock>();
        string? title = null;
        foreach (var block in document.Descendants<LeafBlock>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (block is HeadingBlock heading)
            {
                var text = InlineText(heading.Inline);
                if (heading.Level == 1 && title is null && !blocks.Any(b => b.Kind == ArticleBlockKind.Paragraph))
                {
                    title = text;
                }
                else if (text.Length > 0)
                {
                    blocks.Add(new ArticleBlock(ArticleBlockKind.Heading, text));
                }
            }
            else if (block is ParagraphBlock paragraph)
            {
                var text = InlineText(paragraph.Inline);
                if (text.Length > 0)
                {
                    blocks.Add(new ArticleBlock(ArticleBlockKind.Paragraph, text));
                }
            }
        }

        var metadata = title is null
            ? ArticleMetadata.None
            : ArticleMetadata.None with { Title = title, Origin = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "the level-1 heading" } };
        return new ArticleDocument(metadata, blocks);
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
            case HtmlInline:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                return;
            case AutolinkInline link:
                text.Append(link.Url);
                return;
            case LineBreakInline:
                text.Append(' ');
                return;
            case LinkInline { IsImage: true }:
                return;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                return;
        }
    }
}
