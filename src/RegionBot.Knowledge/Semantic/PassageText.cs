using RegionBot.Knowledge.Model;

namespace RegionBot.Knowledge.Semantic;

/// <summary>What of a passage is embedded: its section heading, who said it, and its paragraph.</summary>
internal static class PassageText
{
    /// <summary>
    /// The heading names the country and the subject ("Kazakhstan: military mobilisation"), which the paragraph itself
    /// often leaves implicit; the speaker and role let a question about "the foreign minister" find what they said.
    /// </summary>
    public static string Of(Passage passage) => passage.Speaker is null
        ? $"{passage.Section}. {passage.Text}"
        : $"{passage.Section}. {passage.Speaker}, {passage.Role}: {passage.Text}";
}
