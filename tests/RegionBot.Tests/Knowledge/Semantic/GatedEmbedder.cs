using RegionBot.Knowledge.Semantic;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>
/// The real model, with a gate before each call and a count of the texts it embedded: a test can hold the
/// background build to look at the bot before its vectors are ready, and see how many passages were embedded.
/// </summary>
internal sealed class GatedEmbedder(bool open = true) : ITextEmbedder
{
    private readonly ITextEmbedder model = MiniLmEmbedder.For(1);
    private readonly ManualResetEventSlim gate = new(open);
    private int embedded;

    public int Dimensions => model.Dimensions;

    public string Model => model.Model;

    /// <summary>Texts embedded so far.</summary>
    public int Embedded => Volatile.Read(ref embedded);

    public void Open() => gate.Set();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        gate.Wait(cancellationToken);
        Interlocked.Add(ref embedded, texts.Count);
        return model.Embed(texts, cancellationToken);
    }
}
