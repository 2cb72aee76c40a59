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
    public static string Format(SearchAnswer answer)
    {
        if (answer.Clarify.Count > 0)
        {
            return FormatClarify(answer);
        }

        if (!answer.HasAnswer)
        {
            return FormatNoAnswer(answer);
        }

        var passages = answer.IsComparison ? FormatComparison(answer) : FormatPassages(answer);
        return answer.IsFollowUp && Understood(answer) is { } understood ? understood + "\n\n" + passages : passages;
    }

    /// <summary>
    /// What the bot understood a follow-up to be about, in italics: "*About Tajikistan: recognise Taliban*", so the
    /// user sees what "What about Tajikistan?" was completed with. Null when there is nothing to say.
    /// </summary>
    public static string? Understood(SearchAnswer answer)
    {
        var subjects = answer.Speakers.Count > 0 ? answer.Speakers : answer.DetectedCountries;
        var topic = string.IsNullOrWhiteSpace(answer.Topic) ? null : answer.Topic.Trim();
        return (subjects.Count, topic) switch
        {
            (0, null) => null,
            (0, _) => $"*About {Escape(topic)}*",
            (_, null) => $"*About {Escape(CountryList(subjects))}*",
            _ => $"*About {Escape(CountryList(subjects))}: {Escape(topic)}*",
        };
    }

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
            AppendPassage(text, $"{number++}. {Escape(hit.Passage.Country)}", hit.Passage);
        }

        return text.ToString();
    }

    /// <summary>
    /// One labelled block per compared country, one after the other: tables would show side by side, but Teams
    /// does not render Markdown tables.
    /// </summary>
    private static string FormatComparison(SearchAnswer answer)
    {
        var countries = answer.Hits.Select(hit => hit.Passage.Country).Distinct(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder();
        text.Append("Here is how ").Append(Escape(CountryList(countries))).Append(" compare, with the passage that answers this best for each:");
        foreach (var hit in answer.Hits)
        {
            AppendPassage(text, Escape(hit.Passage.Country), hit.Passage);
        }

        return text.ToString();
    }

    /// <summary>Asks which country an ambiguous question is about; the text stands without the suggested actions.</summary>
    private static string FormatClarify(SearchAnswer answer)
    {
        var choices = answer.Clarify.Count == 1
            ? answer.Clarify[0]
            : string.Join(", ", answer.Clarify.Take(answer.Clarify.Count - 1)) + " or " + answer.Clarify[^1];
        return $"My sources answer this for several countries. Which one do you mean: {Escape(choices)}?\n\n"
            + "Reply with the country's name, or ask again naming it.";
    }

    private static void AppendPassage(StringBuilder text, string heading, Passage passage)
    {
        text.Append("\n\n**").Append(heading).Append("**");
        if (passage.Kind == PassageKind.Statement)
        {
            text.Append(" · ").Append(Escape(passage.Speaker!)).Append(", ").Append(Escape(passage.Role!));
        }

        text.Append("\n\n").Append(Escape(passage.Text));
        text.Append("\n\n*Source: ").Append(Escape(passage.Source.Publisher))
            .Append(", “").Append(Escape(passage.Source.Title)).Append("”")
            .Append(" · section “").Append(Escape(passage.Section)).Append("”*");
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
