using System.Text.RegularExpressions;
using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Loading;

/// <summary>
/// Reads one knowledge file: a front-matter header describing the source, then "## Section" blocks that name their
/// country, each holding "### passage-id" blocks with their attributes and exactly one paragraph of text.
/// </summary>
internal static partial class KnowledgeFileParser
{
    private static readonly string[] RequiredSourceKeys = ["id", "publisher", "title"];
    private static readonly HashSet<string> SourceKeys = new(["id", "publisher", "title", "date", "url"], StringComparer.Ordinal);
    private static readonly HashSet<string> PassageKeys = new(["kind", "speaker", "role"], StringComparer.Ordinal);

    /// <summary>
    /// The longest heading or attribute value accepted. Real ones are a few dozen characters; a longer one is a
    /// mistake (a paragraph pasted in the wrong place), and the index cannot hold a keyword field this long anyway.
    /// </summary>
    private const int MaxValueLength = 500;

    [GeneratedRegex(@"^(?<key>[a-z][a-z-]*)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueLine();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Parses the lines of one file; every problem found is added to <paramref name="problems"/>.</summary>
    public static (Source? Source, List<Passage> Passages) Parse(string displayName, string filePath, IReadOnlyList<string> lines, List<KnowledgeProblem> problems)
    {
        var reader = new LineReader(lines);
        var source = ParseFrontMatter(displayName, filePath, reader, problems);
        var passages = new List<Passage>();
        if (source is null)
        {
            return (null, passages);
        }

        ParseBody(displayName, source, reader, passages, problems);
        return (source, passages);
    }

    private static Source? ParseFrontMatter(string file, string filePath, LineReader reader, List<KnowledgeProblem> problems)
    {
        if (reader.AtEnd)
        {
            problems.Add(new KnowledgeProblem(file, 1, "the file is empty; it must start with a front-matter header between '---' lines"));
            return null;
        }

        if (!string.Equals(reader.Current.Trim(), "---", StringComparison.Ordinal))
        {
            problems.Add(new KnowledgeProblem(file, reader.LineNumber, "the file must start with a front-matter header: a '---' line, 'key: value' lines, and a closing '---' line"));
            return null;
        }

        var startLine = reader.LineNumber;
        reader.Advance();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        while (!reader.AtEnd && !string.Equals(reader.Current.Trim(), "---", StringComparison.Ordinal))
        {
            var line = reader.Current.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var match = KeyValueLine().Match(line);
                if (!match.Success)
                {
                    problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"bad front matter: expected 'key: value', found '{Shorten(line)}'"));
                    valid = false;
                }
                else
                {
                    var key = match.Groups["key"].Value;
                    var value = match.Groups["value"].Value.Trim();
                    if (!SourceKeys.Contains(key))
                    {
                        problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"bad front matter: unknown key '{key}' (expected {string.Join(", ", SourceKeys)})"));
                        valid = false;
                    }
                    else if (!values.TryAdd(key, value))
                    {
                        problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"bad front matter: '{key}' is given twice"));
                        valid = false;
                    }
                    else if (value.Length == 0)
                    {
                        problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"bad front matter: '{key}' has no value; leave out a key the source does not give"));
                        valid = false;
                    }
                }
            }

            reader.Advance();
        }

        if (reader.AtEnd)
        {
            problems.Add(new KnowledgeProblem(file, startLine, "bad front matter: the header opened here is never closed with a '---' line"));
            return null;
        }

        var closingLine = reader.LineNumber;
        reader.Advance();
        foreach (var key in RequiredSourceKeys)
        {
            if (!values.ContainsKey(key))
            {
                problems.Add(new KnowledgeProblem(file, closingLine, $"bad front matter: '{key}' is missing"));
                valid = false;
            }
        }

        if (values.TryGetValue("id", out var id) && !IdPattern().IsMatch(id))
        {
            problems.Add(new KnowledgeProblem(file, startLine, $"bad front matter: source id '{id}' must be lower-case letters, digits and single hyphens"));
            valid = false;
        }

        if (values.TryGetValue("url", out var url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problems.Add(new KnowledgeProblem(file, startLine, $"bad front matter: url '{Shorten(url)}' is not an absolute address"));
            valid = false;
        }

        return valid
            ? new Source(values["id"], values["publisher"], values["title"], values.GetValueOrDefault("date"), values.GetValueOrDefault("url"), filePath)
            : null;
    }

    private static void ParseBody(string file, Source source, LineReader reader, List<Passage> passages, List<KnowledgeProblem> problems)
    {
        string? section = null;
        string? country = null;
        while (!reader.AtEnd)
        {
            var line = reader.Current.TrimEnd();
            if (line.Trim().Length == 0)
            {
                reader.Advance();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                (section, country) = ParseSectionHeader(file, reader, problems);
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var passage = ParsePassage(file, source, section, country, reader, problems);
                if (passage is not null)
                {
                    passages.Add(passage);
                }
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"text outside a passage: '{Shorten(line.Trim())}'; put each paragraph under a '### passage-id' heading"));
                reader.Advance();
            }
        }
    }

    private static (string? Section, string? Country) ParseSectionHeader(string file, LineReader reader, List<KnowledgeProblem> problems)
    {
        var headingLine = reader.LineNumber;
        var section = reader.Current[3..].Trim();
        reader.Advance();
        if (section.Length == 0)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, "a section heading '## ' has no text"));
        }
        else if (section.Length > MaxValueLength)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"a section heading is longer than {MaxValueLength} characters"));
        }

        string? country = null;
        var countryReported = false;
        while (!reader.AtEnd && reader.Current.Trim().Length > 0 && !reader.Current.StartsWith('#'))
        {
            var match = KeyValueLine().Match(reader.Current.Trim());
            if (match.Success && string.Equals(match.Groups["key"].Value, "country", StringComparison.Ordinal))
            {
                country = match.Groups["value"].Value.Trim();
                if (!Countries.IsKnown(country))
                {
                    problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"unknown country '{Shorten(country)}' (expected {Countries.Region} or one of {string.Join(", ", Countries.CentralAsia)})"));
                    country = null;
                    countryReported = true;
                }
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"a section heading may only be followed by 'country: ...', found '{Shorten(reader.Current.Trim())}'"));
            }

            reader.Advance();
        }

        if (country is null && !countryReported)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"section '{Shorten(section)}' has no country: add a line 'country: ...' right under its heading"));
        }

        return (section.Length == 0 ? null : section, country);
    }

    private static Passage? ParsePassage(string file, Source source, string? section, string? country, LineReader reader, List<KnowledgeProblem> problems)
    {
        var headingLine = reader.LineNumber;
        var id = reader.Current[4..].Trim();
        reader.Advance();
        var problemCount = problems.Count;
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"passage id '{Shorten(id)}' must be lower-case letters, digits and single hyphens"));
        }

        if (section is null)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"passage '{Shorten(id)}' is not inside a section: add a '## Section' heading with a 'country:' line above it"));
        }

        var attributes = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        while (!reader.AtEnd && reader.Current.Trim().Length > 0 && !reader.Current.StartsWith('#'))
        {
            var match = KeyValueLine().Match(reader.Current.Trim());
            if (!match.Success || !PassageKeys.Contains(match.Groups["key"].Value))
            {
                problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"passage '{Shorten(id)}': expected 'kind:', 'speaker:' or 'role:' lines, then a blank line, then the paragraph; found '{Shorten(reader.Current.Trim())}'"));
            }
            else if (!attributes.TryAdd(match.Groups["key"].Value, (match.Groups["value"].Value.Trim(), reader.LineNumber)))
            {
                problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"passage '{Shorten(id)}': '{match.Groups["key"].Value}' is given twice"));
            }

            reader.Advance();
        }

        foreach (var (key, (value, line)) in attributes)
        {
            if (value.Length > MaxValueLength)
            {
                problems.Add(new KnowledgeProblem(file, line, $"passage '{Shorten(id)}': '{key}' is longer than {MaxValueLength} characters"));
            }
        }

        if (id.Length > MaxValueLength)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"a passage id is longer than {MaxValueLength} characters"));
        }

        var kind = ParseKind(file, id, headingLine, attributes, problems);
        var speaker = attributes.TryGetValue("speaker", out var s) && s.Value.Length > 0 ? s.Value : null;
        var role = attributes.TryGetValue("role", out var r) && r.Value.Length > 0 ? r.Value : null;
        if (kind == PassageKind.Statement && speaker is null)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"statement '{Shorten(id)}' has no speaker: add 'speaker: <who said it>'"));
        }

        if (kind == PassageKind.Statement && role is null)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"statement '{Shorten(id)}' has no role: add 'role: <the speaker's role>'"));
        }

        if (kind == PassageKind.Context && (speaker is not null || role is not null))
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"context passage '{Shorten(id)}' has a speaker or role: make it 'kind: statement' or remove them"));
        }

        var text = ReadParagraph(reader);
        if (text.Length == 0)
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"passage '{Shorten(id)}' is empty: its paragraph must follow a blank line after its attributes"));
        }

        SkipBlankLines(reader);
        if (!reader.AtEnd && !reader.Current.StartsWith('#'))
        {
            problems.Add(new KnowledgeProblem(file, reader.LineNumber, $"passage '{Shorten(id)}' has a second paragraph: give each paragraph its own '### passage-id' heading"));
            ReadParagraph(reader);
        }

        return problems.Count > problemCount || section is null || country is null || kind is null
            ? null
            : new Passage(id, source, country, section, kind.Value, speaker, role, text, headingLine);
    }

    private static PassageKind? ParseKind(string file, string id, int headingLine, Dictionary<string, (string Value, int Line)> attributes, List<KnowledgeProblem> problems)
    {
        if (!attributes.TryGetValue("kind", out var kind))
        {
            problems.Add(new KnowledgeProblem(file, headingLine, $"passage '{Shorten(id)}' has no kind: add 'kind: context' or 'kind: statement'"));
            return null;
        }

        switch (kind.Value)
        {
            case "context":
                return PassageKind.Context;
            case "statement":
                return PassageKind.Statement;
            default:
                problems.Add(new KnowledgeProblem(file, kind.Line, $"passage '{Shorten(id)}' has unknown kind '{Shorten(kind.Value)}' (expected 'context' or 'statement')"));
                return null;
        }
    }

    private static string ReadParagraph(LineReader reader)
    {
        SkipBlankLines(reader);
        var parts = new List<string>();
        while (!reader.AtEnd && reader.Current.Trim().Length > 0 && !reader.Current.StartsWith('#'))
        {
            parts.Add(reader.Current.Trim());
            reader.Advance();
        }

        return string.Join(' ', parts);
    }

    private static void SkipBlankLines(LineReader reader)
    {
        while (!reader.AtEnd && reader.Current.Trim().Length == 0)
        {
            reader.Advance();
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private sealed class LineReader(IReadOnlyList<string> lines)
    {
        private int index;

        public bool AtEnd => index >= lines.Count;

        public string Current => lines[index];

        /// <summary>The 1-based line number of <see cref="Current"/>, as editors show it.</summary>
        public int LineNumber => index + 1;

        public void Advance() => index++;
    }
}
