using RegionBot.Knowledge.Model;

namespace RegionBot.Import;

/// <summary>
/// How an import agrees with a reviewed knowledge file of the same article: passage texts and order, section
/// headings and countries, kinds, and speakers of the reviewed file's statements. Apostrophes are compared alike in
/// speaker names (the knowledge writes them straight), everything else exactly.
/// </summary>
public sealed record ImportComparison(
    int IdenticalPassages,
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
        var kinds = 0;
        var speakers = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var expected = reference[i];
            var actual = i < imported.Count ? imported[i] : null;
            if (actual is null || !string.Equals(expected.Text, actual.Text, StringComparison.Ordinal))
            {
                differences.Add($"passage {i + 1} ({expected.Id}): text differs{(actual is null ? " (missing)" : $": '{Shorten(actual.Text)}'")}");
                continue;
            }

            identical++;
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

        return new ImportComparison(identical, reference.Count, sections, expectedSections.Count, kinds, speakers, reference.Count(p => p.Kind == PassageKind.Statement), differences);
    }

    /// <summary>The figures on one line, as the import command prints them.</summary>
    public string Summary() =>
        $"passages identical and in order {IdenticalPassages}/{ReferencePassages}, sections (heading and country) {CorrectSections}/{ReferenceSections}, "
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

    private static string? Straight(string? text) => text?.Replace('’', '\'');

    private static string Shorten(string text) => text.Length <= 50 ? text : string.Concat(text.AsSpan(0, 47), "...");
}
