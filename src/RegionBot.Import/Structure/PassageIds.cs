using System.Text;
using RegionBot.Import.Drafting;

namespace RegionBot.Import.Structure;

/// <summary>
/// Gives each passage of a draft its id: "source-id-section-n", where the section is named by its heading's first
/// word. A paragraph the replaced file already had (word for word, or nearly) keeps its id there, so feedback and logs
/// that name it keep their meaning; no id ever clashes with another file's.
/// </summary>
internal static class PassageIds
{
    /// <summary>How alike (shared words over all words) an edited paragraph must be to keep its old id.</summary>
    private const double KeepSimilarity = 0.6;

    public static KnowledgeDraft Assign(KnowledgeDraft draft, IReadOnlySet<string> takenElsewhere, IReadOnlyList<(string Id, string Text)> previous)
    {
        var kept = KeptIds(draft.Passages.Select(p => p.Text).ToList(), previous);
        var used = new HashSet<string>(takenElsewhere, StringComparer.Ordinal);
        used.UnionWith(kept.Values);
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        var sections = new List<DraftSection>();
        foreach (var section in draft.Sections)
        {
            var key = Slug(section.Heading.Split([' ', ':', ',', '—', '-'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "section");
            key = key.Length == 0 ? "section" : key;
            var unique = key;
            for (var n = 2; !sectionKeys.Add(unique); n++)
            {
                unique = $"{key}{n}";
            }

            var passages = new List<DraftPassage>();
            var number = 0;
            foreach (var passage in section.Passages)
            {
                number++;
                if (kept.TryGetValue(index++, out var old))
                {
                    passages.Add(passage with { Id = old, IdKept = true });
                    continue;
                }

                var id = $"{draft.SourceId}-{unique}-{number}";
                for (var n = 2; used.Contains(id); n++)
                {
                    id = $"{draft.SourceId}-{unique}-{number}-v{n}";
                }

                used.Add(id);
                passages.Add(passage with { Id = id });
            }

            sections.Add(section with { Passages = passages });
        }

        return draft with { Sections = sections };
    }

    /// <summary>Lower-case letters and digits joined by single hyphens, as the knowledge's ids are written.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    private static Dictionary<int, string> KeptIds(List<string> texts, IReadOnlyList<(string Id, string Text)> previous)
    {
        var kept = new Dictionary<int, string>();
        var available = previous.ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            var same = available.FindIndex(p => string.Equals(p.Text, texts[i], StringComparison.Ordinal));
            if (same >= 0)
            {
                kept[i] = available[same].Id;
                available.RemoveAt(same);
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (kept.ContainsKey(i) || available.Count == 0)
            {
                continue;
            }

            var words = WordSet(texts[i]);
            var best = available.Select((p, n) => (n, Score: Similarity(words, WordSet(p.Text)))).MaxBy(x => x.Score);
            if (best.Score >= KeepSimilarity)
            {
                kept[i] = available[best.n].Id;
                available.RemoveAt(best.n);
            }
        }

        return kept;
    }

    private static HashSet<string> WordSet(string text) => Words.Split(text).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / a.Union(b, StringComparer.Ordinal).Count();
}
