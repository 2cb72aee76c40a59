using System.Text;
using RegionBot.Knowledge.Model;

namespace RegionBot.Import.Drafting;

/// <summary>
/// Writes a draft in the knowledge format the README describes, and lists each guess with the line of the written
/// file it concerns, so the reviewer can go straight to it.
/// </summary>
internal static class KnowledgeFileWriter
{
    public static (string Text, IReadOnlyList<ReviewItem> Review) Write(KnowledgeDraft draft)
    {
        var lines = new List<string>();
        var review = new List<ReviewItem>();
        lines.Add("---");
        lines.Add($"id: {draft.SourceId}");
        AddValue(lines, review, draft, "publisher", draft.Publisher);
        AddValue(lines, review, draft, "title", draft.Title);
        AddValue(lines, review, draft, "date", draft.Metadata.Date);
        AddValue(lines, review, draft, "url", draft.Metadata.Url);
        lines.Add($"# Imported from {OneLine(draft.SourceFile)} by `import`; its guesses were listed for review.");
        foreach (var note in draft.Notes)
        {
            review.Add(new ReviewItem(lines.Count, note));
        }

        lines.Add("---");
        foreach (var section in draft.Sections)
        {
            lines.Add("");
            lines.Add($"## {section.Heading}");
            review.Add(new ReviewItem(lines.Count, $"section '{section.Heading}': country {section.Country} ({section.CountryReason})"));
            lines.Add($"country: {section.Country}");
            foreach (var passage in section.Passages)
            {
                lines.Add("");
                lines.Add($"### {passage.Id}");
                var headingLine = lines.Count;
                lines.Add($"kind: {(passage.Kind == PassageKind.Statement ? "statement" : "context")}");
                if (passage.Kind == PassageKind.Statement)
                {
                    lines.Add($"speaker: {passage.Speaker}");
                    lines.Add($"role: {passage.Role}");
                    review.Add(new ReviewItem(headingLine, $"statement: speaker {passage.Speaker}, role {passage.Role}{(passage.Note is null ? "" : $" ({passage.Note})")}"));
                }
                else if (passage.Note is not null)
                {
                    review.Add(new ReviewItem(headingLine, $"context: {passage.Note}"));
                }

                lines.Add("");
                lines.Add(passage.Text);
            }
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return (text.ToString(), review);
    }

    private static void AddValue(List<string> lines, List<ReviewItem> review, KnowledgeDraft draft, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        lines.Add($"{key}: {OneLine(value)}");
        if (draft.Metadata.Origin.TryGetValue(key, out var origin))
        {
            review.Add(new ReviewItem(lines.Count, $"{key} from {origin}"));
        }
    }

    /// <summary>A value on one line: line breaks inside a title would break the front matter.</summary>
    private static string OneLine(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
