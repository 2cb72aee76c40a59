using System.Text;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Replies;

/// <summary>
/// Writes a search answer as the message text the bot sends. It uses only the Markdown that Teams, Web Chat and the
/// Emulator all render the same way: bold, italics and paragraphs separated by blank lines (no headings, tables or
/// nested lists, which Teams drops or shows raw).
/// </summary>
public static class AnswerText
{
    public static string Format(SearchAnswer answer) =>
        answer.HasAnswer ? FormatPassages(answer) : FormatNoAnswer(answer);

    /// <summary>The covered countries as a sentence fragment: "Kazakhstan, Kyrgyzstan and Uzbekistan".</summary>
    public static string CountryList(IReadOnlyList<string> countries) => countries.Count switch
    {
        0 => "no countries yet",
        1 => countries[0],
        _ => string.Join(", ", countries.Take(countries.Count - 1)) + " and " + countries[^1],
    };

    private static string FormatPassages(SearchAnswer answer)
    {
        var text = new StringBuilder();
        text.Append(answer.Hits.Count == 1 ? "Here is the passage that answers this best:" : $"Here are the {answer.Hits.Count} passages that answer this best:");
        var number = 1;
        foreach (var hit in answer.Hits)
        {
            var passage = hit.Passage;
            text.Append("\n\n**").Append(number++).Append(". ").Append(Escape(passage.Country)).Append("**");
            if (passage.Kind == PassageKind.Statement)
            {
                text.Append(" · ").Append(Escape(passage.Speaker!)).Append(", ").Append(Escape(passage.Role!));
            }

            text.Append("\n\n").Append(Escape(passage.Text));
            text.Append("\n\n*Source: ").Append(Escape(passage.Source.Publisher))
                .Append(", “").Append(Escape(passage.Source.Title)).Append("”")
                .Append(" · section “").Append(Escape(passage.Section)).Append("”*");
        }

        return text.ToString();
    }

    private static string FormatNoAnswer(SearchAnswer answer)
    {
        var covered = CountryList(answer.CoveredCountries);
        var opening = answer.NoAnswer switch
        {
            NoAnswerReason.EmptyQuestion => "Please ask me a question in words, for example: *Does Kazakhstan recognise the Taliban?*",
            NoAnswerReason.NotCovered => "I have no information on that: my sources do not cover it.",
            _ => "I have no information on that in my sources.",
        };
        return $"{opening}\n\nI can answer questions about how Afghanistan's Central Asian neighbours ({covered}) responded to the Taliban's return to power.";
    }

    /// <summary>Keeps passage text literal: characters that Markdown or Teams' HTML would interpret are escaped.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '|':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
