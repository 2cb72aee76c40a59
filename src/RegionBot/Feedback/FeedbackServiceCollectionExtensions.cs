using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RegionBot.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers the feedback log: a JSON Lines file at <c>RegionBot:FeedbackPath</c> (default outside the source tree).</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName));
        services.AddSingleton<IFeedbackLog>(provider =>
            new JsonLinesFeedbackLog(provider.GetRequiredService<IOptions<FeedbackOptions>>().Value.ResolvedFeedbackPath()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
