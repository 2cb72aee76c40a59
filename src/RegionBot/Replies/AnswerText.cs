using System.Globalization;
using System.Text;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Replies;

/// <summary>
/// Renders a search answer as Markdown that Teams, Web Chat and the Emulator all display: bold and italics only,
/// paragraphs separated by blank lines (Teams drops single line breaks and some clients show no headings).
/// </summary>
public static class AnswerText
{
    public static string Format(SearchAnswer answer)
    {
        var text = new StringBuilder();
        if (!answer.HasAnswer)
        {
            text.Append(answer.NoAnswer switch
            {
                NoAnswerReason.EmptyQuestion => "Please ask a question in words, for example about one of the countries below.",
                NoAnswerReason.NotCovered => "That is outside what I know about.",
                _ => "I found nothing in my sources that answers that.",
            });
            text.Append("\n\nI cover how Afghanistan's Central Asian neighbours responded to the Taliban's return: ");
            text.Append(string.Join(", ", answer.CoveredCountries));
            text.Append('.');
            return text.ToString();
        }

        for (var i = 0; i < answer.Hits.Count; i++)
        {
            var passage = answer.Hits[i].Passage;
            if (i > 0)
            {
                text.Append("\n\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"**{i + 1}.** {passage.Text}\n\n_{Attribution(passage)}_");
        }

        return text.ToString();
    }

    private static string Attribution(Passage passage)
    {
        var parts = new List<string> { passage.Source.Publisher, passage.Source.Title, passage.Section };
        if (!string.Equals(passage.Country, Countries.Region, StringComparison.Ordinal)
            && !passage.Section.Contains(passage.Country, StringComparison.Ordinal))
        {
            parts.Add(passage.Country);
        }

        if (passage.Kind == PassageKind.Statement && passage.Speaker is { } speaker)
        {
            parts.Add(passage.Role is { } role ? $"{speaker}, {role}" : speaker);
        }

        return string.Join(" · ", parts);
    }
}
