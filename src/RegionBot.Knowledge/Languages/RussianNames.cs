namespace RegionBot.Knowledge.Languages;

/// <summary>Names of the knowledge's people and places as Russian media write them, from the bilingual lexicon.</summary>
public static class RussianNames
{
    /// <summary>"Kassym-Jomart Tokayev" → "Касым-Жомарт Токаев"; null when the lexicon has no Russian form for the name.</summary>
    public static string? Of(string englishName) => RussianLexicon.Default.RussianName(englishName);
}
