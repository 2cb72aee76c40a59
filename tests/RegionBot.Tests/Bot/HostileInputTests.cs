using System.Globalization;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RegionBot.Bot;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Bot;

/// <summary>
/// Whatever a user or client types, the bot answers: arbitrary text (control characters, lone surrogates,
/// right-to-left marks, query syntax, emoji, Cyrillic, up to 100,000 characters) through the real HTTP endpoint.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Host host) : IClassFixture<HostileInputTests.Host>
{
    [Property(Arbitrary = [typeof(HostileInput)], MaxTest = 150)]
    public async Task Any_typed_text_gets_exactly_one_answer_and_never_an_error(HostileText text, bool escapeNonAscii)
    {
        using var client = host.CreateClient();
        var activity = ActivityJson.Message(text.Value, deliveryMode: "expectReplies");

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, Json(activity, escapeNonAscii));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{text}: {(int)response.StatusCode} {body}");
        var replies = ActivityJson.Replies(body);
        var message = Assert.Single(replies, reply => (string)reply["type"]! == "message");
        var reply = (string?)message["text"];
        Assert.False(string.IsNullOrWhiteSpace(reply), text.ToString());
        Assert.NotEqual(AdapterWithErrorHandler.ErrorReply, reply);
        Assert.DoesNotContain(replies, r => (string)r["type"]! == "trace");
    }

    [Property(Arbitrary = [typeof(HostileInput)], MaxTest = 150)]
    public async Task Any_text_in_the_activitys_other_fields_never_gets_a_server_error(HostileText text, bool escapeNonAscii, byte fieldChoice)
    {
        using var client = host.CreateClient();
        var activity = ActivityJson.Message("Does Kazakhstan recognise the Taliban?", deliveryMode: "expectReplies");
        string[] fields = ["conversation.id", "from.id", "from.name", "recipient.id", "recipient.name", "id", "replyToId", "locale", "channelId", "serviceUrl", "textFormat", "timestamp"];
        var field = fields[fieldChoice % fields.Length];
        var parts = field.Split('.');
        var owner = parts.Length == 1 ? activity : (JObject)activity[parts[0]]!;
        owner[parts[^1]] = text.Value;

        using var response = await client.PostAsync(BotEndpoints.MessagesPath, Json(activity, escapeNonAscii));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{field} = {text}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// The activity as JSON; escaping everything outside ASCII is how lone surrogates reach the bot intact (raw, they
    /// are not valid UTF-8 and a client's encoder replaces them).
    /// </summary>
    private static StringContent Json(JObject activity, bool escapeNonAscii)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { StringEscapeHandling = escapeNonAscii ? StringEscapeHandling.EscapeNonAscii : StringEscapeHandling.Default })
        {
            activity.WriteTo(writer);
        }

        return new StringContent(text.ToString(), Encoding.UTF8, "application/json");
    }

    /// <summary>The application with room for the largest generated question (100,000 escaped characters).</summary>
    public sealed class Host : RegionBotFactory
    {
        public Host()
        {
            With("Limits:MaxRequestBodyBytes", (2 * 1024 * 1024).ToString(CultureInfo.InvariantCulture));
            With("Limits:PerClient:Burst", "100000");
            With("Limits:PerClient:PerSecond", "100000");
        }
    }
}

/// <summary>Text a hostile or careless user might type; <see cref="ToString"/> keeps failure messages readable.</summary>
public sealed record HostileText(string Value)
{
    public override string ToString()
    {
        var shown = new StringBuilder();
        foreach (var c in Value.Take(120))
        {
            shown.Append(c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return $"[{Value.Length} chars] {shown}";
    }
}

/// <summary>FsCheck generators for <see cref="HostileText"/>.</summary>
public static class HostileInput
{
    private static readonly string[] Fragments =
    [
        // Query-parser syntax, which must never be interpreted.
        "AND", "OR", "NOT", "(", ")", "[", "]", "{", "}", "~", "^", "*", "?", "\\", "\"", ":", "+", "-", "!", "&&", "||", "/", "title:", "id:*", "\"Kazakhstan\"~2", "Taliban^100",
        // Direction marks and invisible characters.
        "\u200f", "\u200e", "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\ufeff", "\u00ad",
        // Emoji, including joined sequences and flags.
        "😀", "🇰🇿", "👨‍👩‍👧", "🏳️‍🌈", "🤖",
        // Other scripts.
        "Казахстан", "Талибан", "Узбекистан", "طالبان", "塔利班", "Türkmenistan", "Qazaqstan",
        // Words the bot knows, so some inputs are close to real questions.
        "Kazakhstan", "Uzbekistan", "Taliban", "recognise", "border", "What", "did", "say", "about", "help", "<at>RegionBot</at>",
        // Whitespace and markup.
        " ", "  ", "\t", "\r\n", "\n\n", "<script>alert(1)</script>", "**", "_", "`", "&amp;", "%00", "' OR 1=1 --",
    ];

    public static Arbitrary<HostileText> Text()
    {
        var control = Gen.OneOf(Gen.Choose(0, 0x1f), Gen.Choose(0x7f, 0x9f)).Select(code => ((char)code).ToString());
        var loneSurrogate = Gen.Choose(0xd800, 0xdfff).Select(code => ((char)code).ToString());
        var anyChar = Gen.Choose(0, 0xffff).Select(code => ((char)code).ToString());
        var piece = Gen.Frequency(
            (6, Gen.Elements(Fragments)),
            (2, control),
            (1, loneSurrogate),
            (2, anyChar));
        var ordinary = Gen.ListOf(piece).Select(pieces => string.Concat(pieces));
        var huge = Gen.Choose(10_000, 100_000).SelectMany(
            length => Gen.ArrayOf(piece, 64),
            (length, pieces) => Repeat(string.Concat(pieces), length));
        return Gen.Frequency((9, ordinary), (1, huge)).Select(text => new HostileText(text)).ToArbitrary();
    }

    private static string Repeat(string unit, int length)
    {
        if (unit.Length == 0)
        {
            return new string('?', length);
        }

        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }
}
