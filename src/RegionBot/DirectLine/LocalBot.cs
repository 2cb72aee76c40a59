using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using RegionBot.Bot;

namespace RegionBot.DirectLine;

/// <summary>
/// Delivers local Direct Line activities to the bot in process: the same CloudAdapter and bot as every channel
/// run the turn, with the replies collected (delivery mode "expectReplies") and added to the conversation here.
/// </summary>
/// <remarks>
/// Nothing goes over HTTP, so the web chat needs no Connector endpoint a caller could post into a victim's
/// conversation, and its turns are not charged to the server's own loopback address by the per-client limiter.
/// </remarks>
public sealed class LocalBot
{
    public const string ChannelId = "directline";

    private readonly AdapterWithErrorHandler _adapter;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;

    public LocalBot(AdapterWithErrorHandler adapter, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _adapter = adapter;
        _options = options;
        _time = time;
    }

    public ChannelAccount BotAccount => new(_options.Value.BotId, _options.Value.BotName, RoleTypes.Bot);

    /// <summary>
    /// The serviceUrl the adapter is given: this Direct Line's own address. The adapter needs an absolute one, but
    /// since every reply is collected in process nothing is ever sent to it.
    /// </summary>
    public static string ServiceUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{LocalDirectLineEndpoints.BasePath}/";

    /// <summary>
    /// Completes an activity from the user with what Direct Line itself vouches for: the channel, the
    /// conversation, the user id from the token (whatever the client claimed) and the bot as recipient.
    /// </summary>
    public void StampFromUser(Activity activity, LocalConversation conversation, HttpRequest request)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl(request);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = BotAccount;
        activity.Timestamp = _time.GetUtcNow();
        activity.Type ??= ActivityTypes.Message;
        activity.DeliveryMode = null;
    }

    /// <summary>Tells the bot that the user and the bot joined, which is when the bot says hello; returns its replies.</summary>
    public Task<IReadOnlyList<Activity>> StartAsync(HttpRequest request, LocalConversation conversation, IBot bot, CancellationToken ct)
    {
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = DirectLineTokens.NewId("update-"),
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl(request),
            Conversation = new ConversationAccount(id: conversation.Id),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Recipient = BotAccount,
            MembersAdded = [BotAccount, new ChannelAccount(conversation.UserId, role: RoleTypes.User)],
            Timestamp = _time.GetUtcNow(),
        };
        return TurnAsync(update, bot, ct);
    }

    /// <summary>Runs one bot turn for the activity and returns the bot's replies once the turn has finished.</summary>
    public async Task<IReadOnlyList<Activity>> TurnAsync(Activity activity, IBot bot, CancellationToken ct)
    {
        var replies = await _adapter.ProcessCollectingRepliesAsync(activity, bot, ct);
        foreach (var reply in replies)
        {
            reply.From ??= BotAccount;
        }

        return replies;
    }
}
