using RegionBot.Knowledge.Search;
using RegionBot.Knowledge.Semantic;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge.Semantic;

/// <summary>Whatever a user types goes through the model without an exception.</summary>
public sealed class HostileSemanticInputTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    public static TheoryData<string> Hostile => new()
    {
        new string('a', 10_000),
        string.Concat(Enumerable.Repeat("Does Kazakhstan recognise the Taliban? ", 260)),
        "😀🇰🇿🔥 Taliban? 🤔🤔🤔",
        "Признает ли Казахстан талибов?",
        "What\u0000 did\u0007 Tokayev\u001b say\u202e?\ud800",
        "   \t\r\n   ",
        "",
        "((((\"*?:~^[]{}\\",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_through_the_semantic_leg_never_throws(string text)
    {
        // Semantic mode always runs the model, whatever the lexical leg makes of the text.
        var semantic = fixture.Store.Search(text, null, SearchMode.Semantic, CancellationToken.None);
        var hybrid = fixture.Store.Search(text);

        Assert.NotNull(semantic);
        Assert.NotNull(hybrid);
        Assert.NotNull(fixture.Store.Explain(text));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void The_model_gives_a_unit_vector_for_any_text(string text)
    {
        var vector = MiniLmEmbedder.For(1).Embed([text], CancellationToken.None)[0];

        Assert.Equal(384, vector.Length);
        Assert.InRange(Math.Sqrt(vector.Sum(v => (double)v * v)), 0.99, 1.01);
    }
}
