using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>What a presented token turned out to be.</summary>
public enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

/// <summary>The claims of a local Direct Line token: it opens exactly one conversation for one user.</summary>
public sealed record DirectLineClaims(
    [property: JsonPropertyName("conv")] string ConversationId,
    [property: JsonPropertyName("user")] string UserId,
    [property: JsonPropertyName("exp")] long ExpiresAt);

public sealed record IssuedToken(string Token, DirectLineClaims Claims, int ExpiresInSeconds);

/// <summary>
/// Issues and checks local Direct Line tokens. A token is an HS256 JSON Web Token signed with a key that is
/// random per process, so tokens cannot be forged and die with the process. The JWT form matters to Web Chat:
/// it reads the "user" claim and uses it as the user's id, which keeps the user id under the server's control.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;

    public DirectLineTokens(TimeProvider time, IOptions<DirectLineOptions> options)
    {
        _time = time;
        _options = options;
    }

    /// <summary>A new random id with the given prefix, unguessable so that ids themselves grant nothing.</summary>
    public static string NewId(string prefix) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public IssuedToken Issue(string conversationId, string userId)
    {
        var lifetime = _options.Value.TokenLifetime;
        var expiresAt = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var claims = new DirectLineClaims(conversationId, userId, expiresAt);
        var unsigned = Base64Url(Header) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var token = unsigned + "." + Base64Url(Sign(unsigned));
        return new IssuedToken(token, claims, (int)lifetime.TotalSeconds);
    }

    /// <summary>Checks a bearer token from an Authorization header value ("Bearer xyz").</summary>
    public TokenCheck CheckAuthorizationHeader(string? authorization, out DirectLineClaims? claims)
    {
        const string Scheme = "Bearer ";
        claims = null;
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TokenCheck.Missing;
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid;
        }

        return Check(authorization[Scheme.Length..].Trim(), out claims);
    }

    public TokenCheck Check(string? token, out DirectLineClaims? claims)
    {
        claims = null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenCheck.Missing;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Invalid;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!TryFromBase64Url(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return TokenCheck.Invalid;
        }

        if (!TryFromBase64Url(parts[1], out var payload))
        {
            return TokenCheck.Invalid;
        }

        var parsed = JsonSerializer.Deserialize<DirectLineClaims>(payload);
        if (parsed is null || string.IsNullOrEmpty(parsed.ConversationId) || string.IsNullOrEmpty(parsed.UserId))
        {
            return TokenCheck.Invalid;
        }

        if (parsed.ExpiresAt <= _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return TokenCheck.Expired;
        }

        claims = parsed;
        return TokenCheck.Valid;
    }

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
