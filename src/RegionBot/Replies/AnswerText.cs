using System.Globalization;
using System.Text;
using RegionBot.Knowledge.Languages;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Localization;

namespace RegionBot.Replies;

/// <summary>
/// Writes an answer as the message text the bot sends. It uses only the Markdown that Teams, Web Chat and the
/// Emulator all render the same way: bold, italics, a quote and paragraphs separated by blank lines (no headings,
/// tables or lists, which Teams drops or shows raw). Passages are cited as [1], [2]: Teams and Web Chat draw those as
/// citations from the reply's citation entity; elsewhere they stay numbers that tie the quote to its passage.
/// </summary>
public static class AnswerText
{
    /// <summary>The text of a single search's answer, clarifying question or "no information".</summary>
    public static string Format(SearchAnswer answer)
    {
        if (answer.Clarify.Count > 0)
        {
            return FormatClarify(answer);
        }

        return answer.HasAnswer ? Format(AnswerComposer.FromSearch(answer)) : FormatNoAnswer(answer);
    }

    public static string Format(ComposedAnswer answer)
    {
        var text = new StringBuilder();
        if (answer.Search.IsFollowUp && Understood(answer.Search) is { } understood)
        {
            text.Append(understood).Append("\n\n");
        }

        text.Append(Lead(answer));
        var quoted = answer.Passages.FirstOrDefault(p => p.Number == answer.QuoteNumber);
        string? previousHeading = null;
        foreach (var cited in answer.Passages)
        {
            // Passages in a row from the same country and speaker share one heading.
            var heading = Heading(cited);
            var number = $" [{cited.Number.ToString(CultureInfo.InvariantCulture)}]";

            // A passage of one sentence is all in the quote above: its heading attributes the quote, and the
            // sentence is not repeated.
            var repeatsQuote = cited == quoted && string.Equals(answer.Quote?.Trim(), cited.Passage.Text.Trim(), StringComparison.Ordinal);
            if (!string.Equals(heading, previousHeading, StringComparison.Ordinal) || repeatsQuote)
            {
                text.Append("\n\n").Append(heading);
                if (repeatsQuote)
                {
                    text.Append(number);
                }
            }

            if (!repeatsQuote)
            {
                text.Append("\n\n").Append(Escape(cited.Passage.Text)).Append(number);
            }

            previousHeading = heading;
        }

        text.Append("\n\n").Append(SourceLine(answer.Passages));
        return text.ToString();
    }

    /// <summary>
    /// Adds the citations as Markdown reference links ("[1]: cite:1 "title""), which Web Chat needs to draw [1] as
    /// a citation that opens the passage. Other clients either use the citation entity alone (Teams) or would show
    /// the definitions as text (the Emulator's older Web Chat turns them into dead links), so only Web Chat gets them.
    /// </summary>
    public static string WithCitationLinks(string text, IReadOnlyList<CitedPassage> passages)
    {
        var links = new StringBuilder(text);
        foreach (var cited in passages)
        {
            links.Append("\n\n[").Append(cited.Number.ToString(CultureInfo.InvariantCulture)).Append("]: cite:")
                .Append(cited.Number.ToString(CultureInfo.InvariantCulture))
                .Append(" \"").Append(Citations.Name(cited).Replace('"', '\'')).Append('"');
        }

        return links.ToString();
    }

    /// <summary>
    /// What the bot understood a follow-up to be about, in italics: "*About Tajikistan: recognise Taliban*", so the
    /// user sees what "What about Tajikistan?" was completed with. Null when there is nothing to say.
    /// </summary>
    public static string? Understood(SearchAnswer answer)
    {
        var subjects = answer.Speakers.Count > 0 ? answer.Speakers : answer.DetectedCountries;
        var topic = ShownTopic(answer.Topic);
        var named = BotTexts.Countries(subjects);
        return (named.Count, topic) switch
        {
            (0, null) => null,
            (0, _) => $"*{BotTexts.Get("AboutTopic", Escape(topic))}*",
            (_, null) => $"*{BotTexts.Get("AboutSubjects", Escape(CountryList(named)))}*",
            _ => $"*{BotTexts.Get("AboutSubjectsTopic", Escape(CountryList(named)), Escape(topic))}*",
        };
    }

    /// <summary>A list as a sentence fragment: "Kazakhstan, Kyrgyzstan and Uzbekistan", joined in the turn's language.</summary>
    public static string CountryList(IReadOnlyList<string> countries, string? conjunction = null) => countries.Count switch
    {
        0 => BotTexts.Get("NoCountriesYet"),
        1 => countries[0],
        _ => string.Join(", ", countries.Take(countries.Count - 1)) + $" {conjunction ?? BotTexts.Get("And")} " + countries[^1],
    };

    /// <summary>"**Kazakhstan** · Kassym-Jomart Tokayev, President of Kazakhstan": where a passage is from, who said it.</summary>
    private static string Heading(CitedPassage cited) =>
        cited.Passage.Kind == PassageKind.Statement
            ? $"**{Escape(cited.Heading)}** · {Escape(cited.Passage.Speaker!)}, {Escape(cited.Passage.Role!)}"
            : $"**{Escape(cited.Heading)}**";

    /// <summary>The opening: the quote that answers the question, or what the passages below are.</summary>
    private static string Lead(ComposedAnswer answer)
    {
        var countries = BotTexts.Countries(answer.Passages.Select(p => p.Passage.Country)
            .Where(c => !string.Equals(c, Countries.Region, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal));
        var uncovered = answer.Uncovered.Count == 0 ? null : Escape(CountryList(BotTexts.Countries(answer.Uncovered), BotTexts.Get("Or")));
        var lead = answer.Kind switch
        {
            AnswerKind.Comparison when uncovered is not null => BotTexts.Get("LeadComparisonUncovered", Escape(CountryList(countries)), uncovered),
            AnswerKind.Comparison => BotTexts.Get("LeadComparison", Escape(CountryList(countries))),
            AnswerKind.AcrossRegion => BotTexts.Get("LeadAcrossRegion", Escape(CountryList(countries))),
            AnswerKind.Overview => BotTexts.Get("LeadOverview"),
            AnswerKind.Partial => BotTexts.Get("LeadPartial", uncovered!, TopicPhrase(answer.Search)),
            _ => $"> “{Escape(answer.Quote!)}” [{answer.QuoteNumber.ToString(CultureInfo.InvariantCulture)}]",
        };

        // The passages stay in their original English; a reply in another language says so under its opening.
        var note = BotTexts.Get("EnglishNote");
        return note.Length == 0 ? lead : $"{lead}\n\n*{note}*";
    }

    private static string TopicPhrase(SearchAnswer search) =>
        ShownTopic(search.Topic) is { } topic ? $" (*{Escape(topic)}*)" : string.Empty;

    /// <summary>
    /// The topic as the search read it, or null when there is none or it would read wrongly: a Russian question
    /// is searched by its English reading ("recognise taliban"), which a Russian reply does not show back to the user.
    /// </summary>
    private static string? ShownTopic(string? topic) =>
        string.IsNullOrWhiteSpace(topic) || (ReplyLanguage.Current == Language.Russian && !LanguageDetector.HasCyrillic(topic))
            ? null
            : topic.Trim();

    /// <summary>
    /// Each source once: publisher, title, date where the source gives one, and the sections quoted; with several
    /// sources, which passages come from which.
    /// </summary>
    private static string SourceLine(IReadOnlyList<CitedPassage> passages)
    {
        var sources = passages.GroupBy(p => p.Passage.Source.Id, StringComparer.Ordinal).ToArray();
        var described = sources.Select(group =>
        {
            var source = group.First().Passage.Source;
            var text = new StringBuilder();
            text.Append(Escape(source.Publisher)).Append(", “").Append(Escape(source.Title)).Append('”');
            if (!string.IsNullOrWhiteSpace(source.Date))
            {
                text.Append(" (").Append(Escape(source.Date)).Append(')');
            }

            var sections = group.Select(p => $"“{Escape(p.Passage.Section)}”").Distinct(StringComparer.Ordinal).ToArray();
            text.Append(", ").Append(BotTexts.Get(sections.Length == 1 ? "SectionLabel" : "SectionsLabel")).Append(' ').Append(CountryList(sections));
            if (sources.Length > 1)
            {
                var numbers = group.Select(p => p.Number.ToString(CultureInfo.InvariantCulture)).ToArray();
                text.Append(" (").Append(BotTexts.Get(numbers.Length == 1 ? "PassageLabel" : "PassagesLabel")).Append(' ').Append(CountryList(numbers)).Append(')');
            }

            return text.ToString();
        });
        return $"*{BotTexts.Get(sources.Length == 1 ? "SourceLabel" : "SourcesLabel")}: {string.Join("; ", described)}.*";
    }

    /// <summary>Asks which country an ambiguous question is about; the text stands without the suggested actions.</summary>
    private static string FormatClarify(SearchAnswer answer) =>
        BotTexts.Get("Clarify", Escape(CountryList(BotTexts.Countries(answer.Clarify), BotTexts.Get("Or")))) + "\n\n" + BotTexts.Get("ClarifyHow");

    private static string FormatNoAnswer(SearchAnswer answer)
    {
        var covered = CountryList(BotTexts.Countries(answer.CoveredCountries));
        var opening = answer.NoAnswer switch
        {
            NoAnswerReason.EmptyQuestion => BotTexts.Get("NoAnswerEmpty", BotTexts.Get("Example1")),
            NoAnswerReason.NotCovered => BotTexts.Get("NoAnswerNotCovered"),
            _ => BotTexts.Get("NoAnswerWeak"),
        };
        return $"{opening}\n\n{BotTexts.Get("NoAnswerCovered", covered)}";
    }

    /// <summary>Keeps text literal: characters that Markdown or Teams' HTML would interpret are escaped.</summary>
    public static string Escape(string text)
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
