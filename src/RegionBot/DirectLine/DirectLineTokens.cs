using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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
/// Issues and checks local Direct Line tokens. A token is an HS256 JSON Web Token (Microsoft.IdentityModel's
/// <see cref="JsonWebTokenHandler"/>) signed with a key that is random per process, so tokens cannot be forged and
/// die with the process. The JWT form matters to Web Chat: it reads the "user" claim and uses it as the user's id,
/// which keeps the user id under the server's control.
/// </summary>
public sealed class DirectLineTokens
{
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    // Issuing and checking keep to the given clock (tests move it), so the handler adds no times of its own and
    // lifetimes are checked below against that clock rather than by the handler.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;

    public DirectLineTokens(TimeProvider time, IOptions<DirectLineOptions> options)
    {
        _time = time;
        _options = options;
        _signing = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
    }

    /// <summary>A new random id with the given prefix, unguessable so that ids themselves grant nothing.</summary>
    public static string NewId(string prefix) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public IssuedToken Issue(string conversationId, string userId)
    {
        var lifetime = _options.Value.TokenLifetime;
        var expiresAt = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [ConversationClaim] = conversationId,
                [UserClaim] = userId,
                [JwtRegisteredClaimNames.Exp] = expiresAt,
            },
            SigningCredentials = _signing,
        });
        return new IssuedToken(token, new DirectLineClaims(conversationId, userId, expiresAt), (int)lifetime.TotalSeconds);
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

        // The key is in memory, so validation never waits on I/O and completes synchronously; the callers are
        // synchronous checks at the edge of each request.
        var result = _handler.ValidateTokenAsync(token, _validation).GetAwaiter().GetResult();
        if (!result.IsValid
            || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId) || string.IsNullOrEmpty(conversationId)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var userId) || string.IsNullOrEmpty(userId)
            || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expiresAt))
        {
            return TokenCheck.Invalid;
        }

        if (expiresAt <= _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return TokenCheck.Expired;
        }

        claims = new DirectLineClaims(conversationId, userId, expiresAt);
        return TokenCheck.Valid;
    }
}
