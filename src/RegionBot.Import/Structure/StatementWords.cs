namespace RegionBot.Import.Structure;

/// <summary>The small closed vocabularies the statement detector reads attributions with.</summary>
internal static class StatementWords
{
    /// <summary>Verbs that report what someone said; base forms are left out ("state news agency" is no report).</summary>
    public static readonly HashSet<string> ReportingVerbs = new(
        [
            "said", "says", "stated", "states", "told", "tells", "added", "adds", "announced", "announces", "affirmed",
            "affirms", "emphasised", "emphasized", "emphasises", "emphasizes", "stressed", "stresses", "urged", "urges",
            "noted", "notes", "warned", "warns", "claimed", "claims", "declared", "declares", "highlighted", "highlights",
            "insisted", "insists", "recalled", "recalls", "explained", "explains", "argued", "argues", "confirmed",
            "confirms", "assured", "assures", "underlined", "underlines", "underscored", "reiterated", "reiterates",
            "acknowledged", "admitted", "asserted", "asserts", "remarked", "replied", "wrote", "writes", "commented",
            "maintained", "vowed", "pledged", "denied", "denies", "proposed", "proposes", "suggested", "suggests",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words between a subject and its verb that do not end the subject: "Rahmon recently stated".</summary>
    public static readonly HashSet<string> Adverbs = new(["also", "later", "then", "again", "had", "has", "have", "was", "earlier", "further", "once", "previously", "recently", "publicly", "reportedly", "repeatedly", "firmly", "however"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that end a subject when met on the way back from its verb.</summary>
    public static readonly HashSet<string> Boundaries = new(["that", "as", "and", "while", "but", "when", "after", "before", "which", "who", "where", "because", "since", "if", "although", "though", "whereas", "during", "with", "to", "in", "at", "on", "from", "by"], StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> Determiners = new(["the", "a", "an"], StringComparer.OrdinalIgnoreCase);

    public static readonly HashSet<string> Pronouns = new(["he", "she"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of a title or an office: they describe a speaker without naming one.</summary>
    public static readonly HashSet<string> TitleWords = new(
        [
            "president", "vice", "prime", "minister", "deputy", "foreign", "affairs", "of", "defence", "defense",
            "interior", "leader", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "secretary",
            "general", "chairman", "chair", "head", "chief", "senator", "governor", "mayor", "special",
            "representative", "commander", "official", "officials", "counterpart", "security", "national", "state",
            "news", "first", "king", "emir", "premier", "speaker", "director", "press", "and", "for", "water",
            "energy", "economy", "trade", "justice", "finance", "resources", "agriculture", "transport", "emergency",
            "emergencies", "border", "guard", "guards", "mp", "lawmaker", "acting", "former", "senior", "top",
            "de", "facto",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a subject an institution rather than a person.</summary>
    public static readonly HashSet<string> InstitutionHeads = new(["government", "ministry", "office", "council", "parliament", "embassy", "agency", "administration", "committee", "service", "presidency", "senate", "cabinet", "authorities", "commission"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Titles that make a role "President of Kazakhstan" rather than "Kazakhstan's …".</summary>
    public static readonly HashSet<string> HeadOfStateTitles = new(["president", "prime minister", "king", "emir"], StringComparer.OrdinalIgnoreCase);
}
