using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>A Direct Line token as Azure Bot Service returns it from tokens/generate.</summary>
public sealed record AzureDirectLineToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Exchanges the Direct Line secret for a single-conversation token at Azure Bot Service, so that the page
/// can talk to Azure's Direct Line without ever seeing the secret.
/// </summary>
public sealed class AzureDirectLineTokens
{
    private readonly HttpClient _http;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly ILogger<AzureDirectLineTokens> _logger;

    public AzureDirectLineTokens(HttpClient http, IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokens> logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
    }

    /// <summary>Returns a token, or null when Azure could not be reached or refused the secret.</summary>
    public async Task<AzureDirectLineToken?> GenerateAsync(CancellationToken ct)
    {
        var options = _options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint.TrimEnd('/') + "/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Secret);

        // A "dl_" user id inside the token stops a page from impersonating another user.
        request.Content = JsonContent.Create(new { user = new { id = DirectLineTokens.NewId("dl_") } });
        try
        {
            using var response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogError("Direct Line refused the token exchange with status {StatusCode}", (int)response.StatusCode);
                return null;
            }

            var token = await response.Content.ReadFromJsonAsync<AzureDirectLineToken>(ct);
            if (token is null || string.IsNullOrEmpty(token.Token))
            {
                _logger.LogError("Direct Line answered the token exchange without a token");
                return null;
            }

            return token;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogError(ex, "The Direct Line token exchange with {Endpoint} failed", options.Endpoint);
            return null;
        }
    }
}
