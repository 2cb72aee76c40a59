namespace RegionBot.Knowledge.Model;

/// <summary>What a passage is: background from the article, or something a named speaker said.</summary>
public enum PassageKind
{
    Context,
    Statement,
}

/// <summary>One source article, as described by its knowledge file's front matter.</summary>
/// <param name="Date">Only set when the source gives a date; never inferred.</param>
/// <param name="Url">Only set when the source gives an address; never inferred.</param>
public sealed record Source(string Id, string Publisher, string Title, string? Date, string? Url, string FilePath);

/// <summary>One paragraph of a source, the unit the index searches and the bot quotes.</summary>
/// <param name="Country">One of the covered countries, or <see cref="Countries.Region"/> for overview paragraphs.</param>
/// <param name="Speaker">Who said it; set for statements only.</param>
/// <param name="Role">The speaker's role; set for statements only.</param>
/// <param name="Line">The line of the knowledge file where the passage's heading stands.</param>
public sealed record Passage(
    string Id,
    Source Source,
    string Country,
    string Section,
    PassageKind Kind,
    string? Speaker,
    string? Role,
    string Text,
    int Line);
