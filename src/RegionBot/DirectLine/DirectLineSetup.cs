using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegionBot.DirectLine;

/// <summary>Registers the web chat's Direct Line: the local service, and the token exchange for production.</summary>
public static class DirectLineSetup
{
    public static IServiceCollection AddLocalDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.ConversationIdleTimeout > TimeSpan.Zero
                && o.CleanupInterval > TimeSpan.Zero && o.KeepAliveInterval > TimeSpan.Zero, "DirectLine time spans must be positive.")
            .Validate(o => o.MaxActivitiesPerConversation > 0 && o.MaxConversations > 0 && o.MaxConversationsPerAddress > 0
                && o.MaxBytesPerConversation > 0 && o.MaxStoreBytes >= o.MaxBytesPerConversation && o.MaxMessageTextLength > 0
                && o.MaxActivityBytes > 0 && o.MaxResponseBytes >= o.MaxActivityBytes && o.MaxConversationAge > TimeSpan.Zero,
                "DirectLine limits must be positive, MaxStoreBytes at least MaxBytesPerConversation, and MaxResponseBytes at least MaxActivityBytes.")
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "DirectLine:Endpoint must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<LocalConversations>();
        services.AddSingleton<LocalBot>();
        services.AddSingleton<LocalConversationLimiter>();
        services.AddHostedService<ConversationCleanup>();
        services.AddHttpClient<AzureDirectLineTokens>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }

    /// <summary>
    /// Whether this app hosts its own Direct Line. It does only when the bot runs without a Microsoft app id:
    /// with one (production), Azure's Direct Line is used and the local endpoints, which have no other
    /// credentials, must not exist.
    /// </summary>
    public static bool IsLocalDirectLineEnabled(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public static WebApplication MapLocalDirectLine(this WebApplication app)
    {
        if (!IsLocalDirectLineEnabled(app.Configuration))
        {
            app.Logger.LogInformation("MicrosoftAppId is set: the local Direct Line is off; the web chat uses Azure's Direct Line");
            return app;
        }

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DirectLineOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval });
        LocalDirectLineEndpoints.Map(app);
        return app;
    }
}
