namespace RegionBot.Edge;

/// <summary>The browser security headers' settings, bound from the "SecurityHeaders" configuration section.</summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "SecurityHeaders";

    /// <summary>
    /// The Content-Security-Policy <c>frame-ancestors</c> sources: which pages may show the chat in a frame. The
    /// default, <c>'self'</c>, lets only this bot's own pages frame it, so another site cannot overlay it to trick
    /// users into clicks. To embed the chat in an intranet page, add that page's origin, for example
    /// <c>'self' https://intranet.example.org</c>; <c>'none'</c> forbids framing altogether.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";
}
