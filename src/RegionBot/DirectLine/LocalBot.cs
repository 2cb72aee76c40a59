using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>
/// Hands local Direct Line activities to the bot through the same CloudAdapter every channel uses. The
/// activity's serviceUrl points at this app's own Connector endpoint, so the bot's replies come back over
/// the ordinary Connector REST calls, exactly as they would from Azure.
/// </summary>
public sealed class LocalBot
{
    public const string ChannelId = "directline";

    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalBot> _logger;

    public LocalBot(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<LocalBot> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    public ChannelAccount BotAccount => new(_options.Value.BotId, _options.Value.BotName, RoleTypes.Bot);

    /// <summary>The base URL of the local Connector, as seen by the client that made this request.</summary>
    public static string ConnectorUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{LocalDirectLineEndpoints.ConnectorPath}/";

    /// <summary>
    /// Completes an activity from the user with what Direct Line itself vouches for: the channel, the
    /// conversation, the user id from the token (whatever the client claimed) and the bot as recipient.
    /// </summary>
    public void StampFromUser(Activity activity, LocalConversation conversation, HttpRequest request)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ConnectorUrl(request);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = BotAccount;
        activity.Timestamp = _time.GetUtcNow();
        activity.Type ??= ActivityTypes.Message;
    }

    /// <summary>Tells the bot that the user and the bot joined, which is when the bot says hello.</summary>
    public Task StartAsync(HttpContext http, LocalConversation conversation, CancellationToken ct)
    {
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = DirectLineTokens.NewId("update-"),
            ChannelId = ChannelId,
            ServiceUrl = ConnectorUrl(http.Request),
            Conversation = new ConversationAccount(id: conversation.Id),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Recipient = BotAccount,
            MembersAdded = [BotAccount, new ChannelAccount(conversation.UserId, role: RoleTypes.User)],
            Timestamp = _time.GetUtcNow(),
        };
        return SendAsync(http, update, ct);
    }

    /// <summary>Runs one bot turn for the activity; the bot's replies arrive through the local Connector.</summary>
    public async Task SendAsync(HttpContext http, Activity activity, CancellationToken ct)
    {
        var adapter = http.RequestServices.GetRequiredService<CloudAdapter>();
        var bot = http.RequestServices.GetRequiredService<IBot>();

        // The bot gets its own copy: the adapter stamps fields (such as the caller id) onto the activity it
        // processes, and the copy in the conversation history must stay as the client will see it.
        var copy = ActivityJson.ToJson(activity).ToObject<Activity>()!;
        _logger.LogDebug("Passing {ActivityType} activity of conversation {ConversationId} to the bot", copy.Type, copy.Conversation.Id);
        await adapter.ProcessActivityAsync(string.Empty, copy, bot.OnTurnAsync, ct);
    }
}
