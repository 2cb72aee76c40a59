using Microsoft.Extensions.Options;
using RegionBot.Configuration;

namespace RegionBot.Commands;

/// <summary>
/// How the terminal commands read their settings: from the bot host's own configuration (appsettings.json, user
/// secrets in Development, environment variables), bound and validated by the same options registrations the bot
/// uses, so a setting means the same to a command as to the running bot.
/// </summary>
internal static class CommandSettings
{
    /// <summary>The options of type <typeparamref name="T"/> and the content root relative paths are resolved against.</summary>
    public static (T Options, string ContentRoot) Read<T>(Func<IServiceCollection, IConfiguration, IServiceCollection> register)
        where T : class
    {
        var builder = RegionBotHost.CreateBuilder([]);
        register(builder.Services, builder.Configuration);
        MovedSettings.ThrowIfUsed(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider();
        return (services.GetRequiredService<IOptions<T>>().Value, builder.Environment.ContentRootPath);
    }
}
