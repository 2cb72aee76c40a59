using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace RegionBot.Tests.Support;

/// <summary>
/// Stands in for the Bot Framework's token service on 127.0.0.1: serves an OpenID metadata document and a JWKS with
/// a signing key made for the test, over HTTPS (the SDK's metadata reader refuses plain HTTP), and signs channel
/// tokens with that key. The bot is pointed at it with the SDK's own <c>ToBotFromChannelOpenIdMetadataUrl</c> setting.
/// </summary>
/// <remarks>
/// The metadata reader validates the server certificate like any other HTTPS client, so the self-signed
/// certificate is trusted for the test's duration by adding it to the current user's root store, which .NET on Linux
/// trusts in addition to the system's, and removed afterwards.
/// </remarks>
public sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly string _keyId = "test-" + Guid.NewGuid().ToString("N");
    private readonly X509Certificate2 _trusted;
    private readonly WebApplication _server;

    private LocalTokenIssuer(WebApplication server, X509Certificate2 trusted)
    {
        _server = server;
        _trusted = trusted;
    }

    /// <summary>The OpenID metadata document's address, for <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl { get; private set; } = string.Empty;

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        using var certificate = SelfSignedLoopbackCertificate();
        var serverCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
        var trusted = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Add(trusted);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        var app = builder.Build();
        var issuer = new LocalTokenIssuer(app, trusted);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = issuer.BaseUrl + "/v1/authorize",
            ["jwks_uri"] = issuer.BaseUrl + "/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/keys", () =>
        {
            var parameters = issuer._signingKey.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        kid = issuer._keyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                        endorsements = new[] { "emulator", "msteams", "webchat", "directline" },
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.BaseUrl = address.TrimEnd('/');
        issuer.MetadataUrl = issuer.BaseUrl + "/v1/.well-known/openidconfiguration";
        return issuer;
    }

    private string BaseUrl { get; set; } = string.Empty;

    /// <summary>A channel token as the Bot Connector issues one, signed with this issuer's published key.</summary>
    public string ChannelToken(string audience, string serviceUrl, DateTime? expires = null, string issuer = ChannelIssuer)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        var key = new RsaSecurityKey(_signingKey) { KeyId = _keyId };
        var token = new JwtSecurityToken(
            issuer: issuer,
            audience: audience,
            claims: [new Claim("serviceurl", serviceUrl)],
            notBefore: until.AddHours(-1),
            expires: until,
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Remove(_trusted);
        }

        _trusted.Dispose();
        _signingKey.Dispose();
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=RegionBot test token issuer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
