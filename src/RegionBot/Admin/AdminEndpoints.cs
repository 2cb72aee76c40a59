using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RegionBot.Knowledge;

namespace RegionBot.Admin;

public static class AdminEndpoints
{
    public const string PathPrefix = "/admin";
    public const string ReloadPath = PathPrefix + "/reload";
    public const string KeyHeader = "X-RegionBot-Admin-Key";

    /// <summary>
    /// Maps <c>POST /admin/reload</c>: reloads the knowledge for a caller presenting the configured admin key.
    /// Without a configured key the endpoint does not exist (404), so a default install exposes nothing. An address
    /// that has presented too many wrong keys gets 429 with Retry-After (<see cref="AdminKeyGuard"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ReloadPath, async (HttpContext http, IOptions<ReloadOptions> options, AdminKeyGuard guard, KnowledgeReloader reloader, KnowledgeStore store) =>
        {
            var key = options.Value.AdminKey;
            if (string.IsNullOrEmpty(key))
            {
                return Results.NotFound();
            }

            var address = http.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
            if (!guard.MayTry(address, out var retryAfter))
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong admin keys from this address; try again later.");
            }

            if (!KeysMatch(http.Request.Headers[KeyHeader].ToString(), key))
            {
                guard.Failed(address);
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"A valid {KeyHeader} header is required.");
            }

            var result = await reloader.ReloadAsync("admin request", http.RequestAborted);
            var body = new
            {
                changed = result.Changed,
                passages = store.Status.Passages,
                sources = store.Status.Sources,
                problems = result.Problems.Select(problem => problem.ToString()),
            };

            // Invalid knowledge is the caller's to fix; the bot keeps answering from the previous knowledge meanwhile.
            return result.Problems.Count == 0 ? Results.Ok(body) : Results.UnprocessableEntity(body);
        });
        return endpoints;
    }

    /// <summary>
    /// Compares hashes of the two keys in constant time, so neither the time taken nor the keys' lengths tell a
    /// caller how much of a guess was right.
    /// </summary>
    private static bool KeysMatch(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
