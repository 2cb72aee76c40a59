using RegionBot.Knowledge;

namespace RegionBot.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The shortest admin key accepted: 32 characters, long enough that it cannot be guessed.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// Registers what guards the admin endpoint: the bot refuses to start with an admin key shorter than
    /// <see cref="MinKeyLength"/> characters (an empty key switches the endpoint off), and callers that present wrong
    /// keys are locked out per address (<see cref="AdminKeyGuard"/>).
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<ReloadOptions>()
            .Validate(
                o => string.IsNullOrEmpty(o.AdminKey) || (o.AdminKey.Length >= MinKeyLength && !string.IsNullOrWhiteSpace(o.AdminKey)),
                $"RegionBot:Reload:AdminKey must be at least {MinKeyLength} characters (for example: openssl rand -hex 32), or empty to switch /admin off.")
            .ValidateOnStart();
        services.AddSingleton<AdminKeyGuard>();
        return services;
    }
}
