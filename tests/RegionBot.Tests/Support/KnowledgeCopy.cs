namespace RegionBot.Tests.Support;

/// <summary>
/// A copy of the shipped knowledge folder that a test may edit, with the index stored beside it (not inside it,
/// where the folder watcher would see the index being written).
/// </summary>
public sealed class KnowledgeCopy : IDisposable
{
    private readonly TempDirectory _root = new();

    public KnowledgeCopy()
    {
        Directory.CreateDirectory(KnowledgePath);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Knowledge, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(KnowledgePath, System.IO.Path.GetRelativePath(RepositoryRoot.Knowledge, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string KnowledgePath => System.IO.Path.Combine(_root.Path, "knowledge");

    public string IndexPath => System.IO.Path.Combine(_root.Path, "index");

    public string FilePath(string name) => System.IO.Path.Combine(KnowledgePath, name);

    /// <summary>The application over this copy, with the given reload settings.</summary>
    public RegionBotFactory Factory() => new RegionBotFactory()
        .With("RegionBot:KnowledgePath", KnowledgePath)
        .With("RegionBot:IndexPath", IndexPath)
        .With("Limits:PerClient:Burst", "100000")
        .With("Limits:PerClient:PerSecond", "100000");

    public void Dispose() => _root.Dispose();
}
