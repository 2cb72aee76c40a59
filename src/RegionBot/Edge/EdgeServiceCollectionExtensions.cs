using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RegionBot.Admin;
using RegionBot.Bot;
using RegionBot.DirectLine;

namespace RegionBot.Edge;

public static class EdgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the limits that protect the messaging endpoint: the per-client rate limiter (checked before the
    /// body is read), the body size cap and the per-conversation limiter, with <see cref="LimitsOptions"/> bound from
    /// the "Limits" configuration section.
    /// </summary>
    public static IServiceCollection AddEdgeLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Limits:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.PerClient.IsValid, "Limits:PerClient needs a positive Burst and PerSecond.")
            .Validate(o => o.PerConversation.IsValid, "Limits:PerConversation needs a positive Burst and PerSecond.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<RejectedRequestLog>();
        services.AddSingleton<MessageLimitsMiddleware>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
                new ValueTask(EdgeResponses.TooManyRequestsAsync(context.HttpContext, context.Lease, cancellationToken));
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((limiter, limits) =>
            limiter.GlobalLimiter = PerClientLimiter(limits.Value.PerClient));
        return services;
    }

    /// <summary>
    /// Puts the edge in front of the application: a plain problem answer instead of any exception detail, the
    /// per-client rate limiter, then the messaging endpoint's size cap, activity check and per-conversation limiter.
    /// </summary>
    public static WebApplication UseEdgeLimits(this WebApplication app)
    {
        // Registered after the framework's developer exception page, so it handles every exception first and no
        // stack trace reaches a client, in Development too.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = EdgeResponses.ServerErrorAsync,
            StatusCodeSelector = failure => failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseRateLimiter();
        app.UseMiddleware<MessageLimitsMiddleware>();
        return app;
    }

    /// <summary>
    /// One token bucket per client address for what clients call: the messaging endpoint, the local Direct Line
    /// and the admin endpoint (so an admin key cannot be guessed at speed). Health checks and the web chat's page are
    /// not limited. The local Direct Line runs its turns in process, so a web chat user is charged once, to their own
    /// address. Requests beyond the bucket are rejected at once rather than queued, so a flood holds no memory.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> PerClientLimiter(TokenBucketLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsLimitedPerClient(context.Request.Path))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
            return RateLimitPartition.GetTokenBucketLimiter(
                address.ToString(),
                _ => EdgeResponses.TokenBucket(limit));
        });

    private static bool IsLimitedPerClient(PathString path) =>
        path.Equals(BotEndpoints.MessagesPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AdminEndpoints.PathPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(LocalDirectLineEndpoints.BasePath, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The edge's own answers: plain problem JSON, never an exception's detail.</summary>
internal static class EdgeResponses
{
    public static TokenBucketRateLimiterOptions TokenBucket(TokenBucketLimit limit) => new()
    {
        TokenLimit = limit.Burst,
        TokensPerPeriod = limit.PerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static Task ProblemAsync(HttpContext context, int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    public static Task TooManyRequestsAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter =
            ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.", "Wait before sending more messages.");
    }

    public static Task ServerErrorAsync(HttpContext context)
    {
        var status = context.Response.StatusCode >= 400 ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        var title = status == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : status < 500 ? "The request cannot be processed." : "Something went wrong on the server.";
        return ProblemAsync(context, status, title);
    }
}
