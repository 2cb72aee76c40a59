using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using RegionBot.Knowledge.Model;

namespace RegionBot.Replies;

/// <summary>
/// The citations of a reply as Teams and Web Chat read them: one <c>https://schema.org/Message</c> entity for the
/// message itself (<c>@id</c> ""), whose <c>citation</c> array holds a <c>Claim</c> per passage. A claim's
/// <c>position</c> is the number the text cites it by; its <c>appearance</c> is a <c>DigitalDocument</c> with the
/// passage's name, an abstract of at most 160 characters (Teams' limit) for the hover card, keywords (country,
/// speaker) and the whole passage with its attribution as Markdown text, which Web Chat shows in its citation
/// dialog. A <c>url</c> is given only when the source gives one. The message is not marked AI-generated: the
/// passages are quotations.
/// </summary>
public static class Citations
{
    public const string MessageType = "https://schema.org/Message";

    /// <summary>Teams shows at most this many characters of an abstract.</summary>
    public const int MaxAbstract = 160;

    /// <summary>Teams shows at most three keywords of at most 28 characters each.</summary>
    public const int MaxKeywords = 3;

    public const int MaxKeywordLength = 28;

    public static Entity MessageEntity(IReadOnlyList<CitedPassage> passages)
    {
        var message = new JObject
        {
            ["type"] = MessageType,
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["@type"] = "Message",
            ["citation"] = new JArray(passages.Select(Claim)),
        };
        return message.ToObject<Entity>()!;
    }

    /// <summary>Words of the passage that name it among others from the same place and speaker.</summary>
    private const int NameWords = 6;

    /// <summary>
    /// The passage's name in the citation: where it comes from, who said it, and its first words, so that several
    /// passages of one speaker are told apart in Web Chat's list of references.
    /// </summary>
    public static string Name(CitedPassage cited)
    {
        var who = cited.Passage.Kind == PassageKind.Statement ? cited.Passage.Speaker : cited.Passage.Source.Publisher;
        var words = cited.Passage.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var opening = string.Join(' ', words.Take(NameWords)).Trim('"', '“', '”', ',', '.', ';', ':');
        return $"{cited.Heading} · {who}: {opening}{(words.Length > NameWords ? "…" : string.Empty)}";
    }

    public static string Abstract(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= MaxAbstract)
        {
            return flat;
        }

        var cut = flat[..(MaxAbstract - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > MaxAbstract / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static JObject Claim(CitedPassage cited)
    {
        var passage = cited.Passage;
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Name(cited),
            ["abstract"] = Abstract(passage.Text),
            ["text"] = DialogText(passage),
            ["keywords"] = new JArray(Keywords(passage).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(passage.Source.Url))
        {
            appearance["url"] = passage.Source.Url;
        }

        return new JObject
        {
            ["@type"] = "Claim",
            ["position"] = cited.Number,
            ["appearance"] = appearance,
        };
    }

    private static IEnumerable<string> Keywords(Passage passage)
    {
        var keywords = new List<string> { passage.Country };
        if (passage.Speaker is { } speaker)
        {
            keywords.Add(speaker);
        }

        keywords.Add(passage.Source.Publisher);
        return keywords.Take(MaxKeywords).Select(k => k.Length <= MaxKeywordLength ? k : k[..(MaxKeywordLength - 1)].TrimEnd() + "…");
    }

    /// <summary>The whole passage and where it comes from, as Web Chat's citation dialog shows it.</summary>
    private static string DialogText(Passage passage)
    {
        var said = passage.Kind == PassageKind.Statement
            ? $"\n\n*{AnswerText.Escape(passage.Speaker!)}, {AnswerText.Escape(passage.Role!)}*"
            : string.Empty;
        return AnswerText.Escape(passage.Text) + said
            + $"\n\n*{AnswerText.Escape(passage.Source.Publisher)}, “{AnswerText.Escape(passage.Source.Title)}”"
            + (string.IsNullOrWhiteSpace(passage.Source.Date) ? string.Empty : $" ({AnswerText.Escape(passage.Source.Date)})")
            + $", section “{AnswerText.Escape(passage.Section)}”*";
    }
}
