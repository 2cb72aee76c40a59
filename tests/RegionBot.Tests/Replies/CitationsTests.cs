using Newtonsoft.Json.Linq;
using RegionBot.Knowledge.Model;
using RegionBot.Replies;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Replies;

/// <summary>The citation entity as Teams and Web Chat read it.</summary>
public sealed class CitationsTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void Each_passage_is_a_claim_at_its_number_with_a_short_abstract_keywords_and_the_whole_passage()
    {
        var composed = AnswerComposer.FromSearch(fixture.Store.Search("What did Uzbekistan's president say about the Taliban?"));

        var message = JObject.FromObject(Citations.MessageEntity(composed.Passages));

        Assert.Equal(("https://schema.org/Message", "Message", "https://schema.org", ""), ((string)message["type"]!, (string)message["@type"]!, (string)message["@context"]!, (string)message["@id"]!));
        Assert.Null(message["additionalType"]);
        Assert.Null(message["keywords"]);
        var claims = message["citation"]!.Children<JObject>().ToArray();
        Assert.Equal(composed.Passages.Count, claims.Length);
        foreach (var (claim, cited) in claims.Zip(composed.Passages))
        {
            Assert.Equal("Claim", (string)claim["@type"]!);
            Assert.Equal(cited.Number, (int)claim["position"]!);
            var appearance = claim["appearance"]!;
            Assert.Equal("DigitalDocument", (string)appearance["@type"]!);
            Assert.Equal(Citations.Name(cited), (string)appearance["name"]!);
            Assert.InRange(((string)appearance["abstract"]!).Length, 1, Citations.MaxAbstract);
            Assert.StartsWith(((string)appearance["abstract"]!).TrimEnd('…')[..20], cited.Passage.Text, StringComparison.Ordinal);
            var keywords = appearance["keywords"]!.Values<string>().ToArray();
            Assert.Contains(cited.Passage.Country, keywords);
            Assert.InRange(keywords.Length, 1, Citations.MaxKeywords);
            Assert.All(keywords, k => Assert.InRange(k!.Length, 1, Citations.MaxKeywordLength));
            Assert.Contains(cited.Passage.Text[..40], (string)appearance["text"]!, StringComparison.Ordinal);
            Assert.Contains(cited.Passage.Source.Title, (string)appearance["text"]!, StringComparison.Ordinal);

            // The shipped source gives no address, and none is invented.
            Assert.Null(appearance["url"]);
        }
    }

    [Fact]
    public void A_source_with_an_address_is_linked()
    {
        var source = new Source("s", "Wire", "Title", "2021-09-01", "https://example.org/article", "s.md");
        var passage = new Passage("p", source, "Kazakhstan", "Section", PassageKind.Context, null, null, new string('x', 400), 1);

        var message = JObject.FromObject(Citations.MessageEntity([new CitedPassage(1, passage)]));

        var appearance = message["citation"]![0]!["appearance"]!;
        Assert.Equal("https://example.org/article", (string)appearance["url"]!);
        Assert.Equal(Citations.MaxAbstract, ((string)appearance["abstract"]!).Length);
    }
}
