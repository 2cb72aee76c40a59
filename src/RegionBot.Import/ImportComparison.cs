using RegionBot.Knowledge.Model;

namespace RegionBot.Import;

/// <summary>
/// How an import agrees with a reviewed knowledge file of the same article: passage texts and order, section
/// headings and countries, kinds, and speakers of the reviewed file's statements. Apostrophes are compared alike in
/// speaker names (the knowledge writes them straight). Passage texts must be identical character for character,
/// except that a run of white space matches any other (a PDF's text layer draws a no-break space as a space, and
/// cannot tell one from the other); <see cref="ExactPassages"/> counts those identical to the last character.
/// </summary>
public sealed record ImportComparison(
    int IdenticalPassages,
    int ExactPassages,
    int ReferencePassages,
    int CorrectSections,
    int ReferenceSections,
    int CorrectKinds,
    int CorrectSpeakers,
    int ReferenceStatements,
    IReadOnlyList<string> Differences)
{
    public double SpeakerShare => ReferenceStatements == 0 ? 1 : (double)CorrectSpeakers / ReferenceStatements;

    public static ImportComparison Compare(IReadOnlyList<Passage> reference, IReadOnlyList<Passage> imported)
    {
        var differences = new List<string>();
        var identical = 0;
        var exact = 0;
        var kinds = 0;
        var speakers = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var expected = reference[i];
            var actual = i < imported.Count ? imported[i] : null;
            if (actual is null || !string.Equals(SingleSpaced(expected.Text), SingleSpaced(actual.Text), StringComparison.Ordinal))
            {
                differences.Add($"passage {i + 1} ({expected.Id}): {(actual is null ? "missing" : FirstDifference(expected.Text, actual.Text))}");
                continue;
            }

            identical++;
            exact += string.Equals(expected.Text, actual.Text, StringComparison.Ordinal) ? 1 : 0;
            if (expected.Kind == actual.Kind)
            {
                kinds++;
            }
            else
            {
                differences.Add($"passage {i + 1} ({expected.Id}): kind {actual.Kind}, expected {expected.Kind}");
            }

            if (expected.Kind == PassageKind.Statement)
            {
                if (actual.Kind == PassageKind.Statement && string.Equals(Straight(expected.Speaker), Straight(actual.Speaker), StringComparison.OrdinalIgnoreCase))
                {
                    speakers++;
                }
                else
                {
                    differences.Add($"passage {i + 1} ({expected.Id}): speaker {actual.Speaker ?? "none"}, expected {expected.Speaker}");
                }
            }
        }

        if (imported.Count > reference.Count)
        {
            differences.Add($"{imported.Count - reference.Count} passage(s) more than the reviewed file has");
        }

        var expectedSections = Sections(reference);
        var actualSections = Sections(imported);
        var sections = 0;
        for (var i = 0; i < expectedSections.Count; i++)
        {
            if (i < actualSections.Count && actualSections[i] == expectedSections[i])
            {
                sections++;
            }
            else
            {
                differences.Add($"section {i + 1}: '{(i < actualSections.Count ? $"{actualSections[i].Heading}' ({actualSections[i].Country})" : "missing'")}, expected '{expectedSections[i].Heading}' ({expectedSections[i].Country})");
            }
        }

        return new ImportComparison(identical, exact, reference.Count, sections, expectedSections.Count, kinds, speakers, reference.Count(p => p.Kind == PassageKind.Statement), differences);
    }

    /// <summary>The figures on one line, as the import command prints them.</summary>
    public string Summary() =>
        $"passages identical and in order {IdenticalPassages}/{ReferencePassages}{(ExactPassages < IdenticalPassages ? $" ({IdenticalPassages - ExactPassages} differing only in white space)" : "")}, sections (heading and country) {CorrectSections}/{ReferenceSections}, "
        + $"kind {CorrectKinds}/{ReferencePassages}, speaker {CorrectSpeakers}/{ReferenceStatements} statements ({Math.Round(SpeakerShare * 100):0}%)";

    private static List<(string Heading, string Country)> Sections(IReadOnlyList<Passage> passages)
    {
        var sections = new List<(string, string)>();
        foreach (var passage in passages)
        {
            if (sections.Count == 0 || sections[^1] != (passage.Section, passage.Country))
            {
                sections.Add((passage.Section, passage.Country));
            }
        }

        return sections;
    }

    /// <summary>Where two texts part, with a few characters either side (control and space characters named).</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 15);
        return $"text differs at character {at + 1}: '{Visible(actual, from, at + 15)}', expected '{Visible(expected, from, at + 15)}'";
    }

    private static string Visible(string text, int from, int to) =>
        string.Concat(text[Math.Min(from, text.Length)..Math.Min(to, text.Length)].Select(c => c switch
        {
            '\u00A0' => "\\u00A0",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        }));

    private static string SingleSpaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Straight(string? text) => text?.Replace('’', '\'');

}
