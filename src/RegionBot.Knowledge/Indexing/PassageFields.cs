namespace RegionBot.Knowledge.Indexing;

/// <summary>The fields of a passage document in the index.</summary>
internal static class PassageFields
{
    /// <summary>The passage id (keyword, stored): maps a hit back to its passage.</summary>
    public const string Id = "id";

    /// <summary>The passage's position in the knowledge (numeric doc value): maps a hit back to its passage cheaply.</summary>
    public const string Ordinal = "ordinal";

    /// <summary>The passage's country (keyword): restricts a search to the countries a question names.</summary>
    public const string Country = "country";

    /// <summary>"context" or "statement" (keyword).</summary>
    public const string Kind = "kind";

    /// <summary>The speaker's name as written in the knowledge (keyword).</summary>
    public const string Speaker = "speaker";

    /// <summary>The paragraph (analysed).</summary>
    public const string Text = "text";

    /// <summary>Speaker, role and country (analysed): who speaks and where, beyond the paragraph's own words.</summary>
    public const string About = "about";

    /// <summary>The section heading (analysed): a hint for ranking, too broad to show that a passage answers.</summary>
    public const string Section = "section";

    /// <summary>What kind of fact the passage gives: "number", "time", "date", "money" (keyword).</summary>
    public const string Gives = "gives";

    /// <summary>
    /// The paragraph before, in the same section (analysed): the scene a paragraph does not repeat. "Tokayev focused on
    /// avoiding terrorism" follows the paragraph naming the CSTO session he spoke at.
    /// </summary>
    public const string Context = "context";

    /// <summary>Text and <see cref="About"/> together (analysed): used to weigh words by rarity and check coverage.</summary>
    public const string All = "all";
}
