using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RegionBot.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers the feedback log: a JSON Lines file at <c>RegionBot:Feedback:FeedbackPath</c> (default outside the source tree).</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackOptions(configuration);
        services.AddSingleton<IFeedbackLog>(provider =>
            new JsonLinesFeedbackLog(provider.GetRequiredService<IOptions<FeedbackOptions>>().Value.ResolvedFeedbackPath()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Binds and validates <see cref="FeedbackOptions"/>; the <c>report</c> command uses it too.</summary>
    public static IServiceCollection AddFeedbackOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>()
            .Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .Validate(o => o.FeedbackPath is null || o.FeedbackPath.IndexOfAny(Path.GetInvalidPathChars()) < 0, "RegionBot:Feedback:FeedbackPath is not a valid path.")
            .ValidateOnStart();
        return services;
    }
}
