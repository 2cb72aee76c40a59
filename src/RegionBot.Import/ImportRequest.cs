namespace RegionBot.Import;

/// <summary>What the <c>import</c> command was asked to do, its options already parsed.</summary>
/// <param name="Paths">Article files, or folders whose supported files are all imported.</param>
/// <param name="KnowledgeDirectory">The knowledge the import checks against (speakers, ids, duplicates).</param>
/// <param name="OutputDirectory">Where drafts are written; null writes them into the knowledge folder.</param>
/// <param name="DryRun">Print the review (and the draft) without writing anything.</param>
public sealed record ImportRequest(IReadOnlyList<string> Paths, string KnowledgeDirectory, string? OutputDirectory, bool DryRun);
