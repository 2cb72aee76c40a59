namespace RegionBot.Knowledge.Semantic;

/// <summary>Turns texts into unit-length sentence vectors, so that a dot product is their cosine similarity.</summary>
internal interface ITextEmbedder
{
    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>Names the model, so that vectors stored by another model are never compared with this one's.</summary>
    string Model { get; }

    /// <summary>Embeds each text; any text is accepted (empty, very long, any script).</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
