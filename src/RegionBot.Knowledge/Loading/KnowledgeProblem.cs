namespace RegionBot.Knowledge.Loading;

/// <summary>Something wrong in a knowledge file, located by file and line so an editor can fix it.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown when the knowledge folder has problems; the bot refuses to serve half-valid knowledge.</summary>
public sealed class KnowledgeValidationException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception("The knowledge is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
