using Microsoft.Extensions.Options;
using RegionBot.DirectLine;

namespace RegionBot.Edge;

/// <summary>
/// Adds the browser security headers to every response: a Content-Security-Policy that lets the page run only the
/// scripts this bot serves and talk only to this bot (and, in production, to Azure's Direct Line), frame-ancestors as
/// configured, <c>X-Content-Type-Options: nosniff</c> and a same-origin referrer policy.
/// </summary>
/// <remarks>
/// Styles need <c>'unsafe-inline'</c>: the stock Web Chat bundle styles itself by inserting &lt;style&gt; elements
/// at run time (emotion), and the page keeps its few rules inline. Scripts need nothing beyond <c>'self'</c>.
/// </remarks>
internal sealed class SecurityHeaders : IMiddleware
{
    private readonly string _policy;

    public SecurityHeaders(IOptions<SecurityHeadersOptions> options, IOptions<DirectLineOptions> directLine)
    {
        // In production the page's Web Chat talks to Azure's Direct Line over HTTPS and a WebSocket.
        var azure = directLine.Value.HasSecret && Uri.TryCreate(directLine.Value.Endpoint, UriKind.Absolute, out var endpoint)
            ? $" {endpoint.GetLeftPart(UriPartial.Authority)} wss://{endpoint.Authority}"
            : string.Empty;
        _policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; media-src 'self' data: blob:; "
            + $"connect-src 'self'{azure}; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + $"frame-ancestors {options.Value.FrameAncestors}";
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // Set as the response starts, so that error answers written after the headers were cleared carry them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
