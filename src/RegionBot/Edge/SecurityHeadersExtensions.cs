namespace RegionBot.Edge;

public static class SecurityHeadersExtensions
{
    /// <summary>Registers the browser security headers, with <see cref="SecurityHeadersOptions"/> from "SecurityHeaders".</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityHeadersOptions>()
            .Bind(configuration.GetSection(SecurityHeadersOptions.SectionName))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.FrameAncestors) && o.FrameAncestors.IndexOfAny([';', ',', '\r', '\n']) < 0,
                "SecurityHeaders:FrameAncestors must be a space-separated list of CSP sources, such as 'self' https://intranet.example.org.")
            .ValidateOnStart();
        services.AddSingleton<SecurityHeaders>();
        return services;
    }

    /// <summary>Adds the browser security headers to every response; call first, so that every answer carries them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
