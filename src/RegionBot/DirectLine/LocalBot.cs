using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using RegionBot.Bot;

namespace RegionBot.DirectLine;

/// <summary>
/// Delivers local Direct Line activities to the bot the way Azure's Direct Line does: an HTTP POST to the bot's
/// messaging endpoint, where the CloudAdapter handles it like any channel's. The activity's serviceUrl points at
/// this app's own Connector endpoint, so the bot's replies come back over the ordinary Connector REST calls.
/// </summary>
public sealed class LocalBot
{
    public const string ChannelId = "directline";
    public const string HttpClientName = "LocalDirectLineToBot";

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;

    public LocalBot(IHttpClientFactory httpClients, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _httpClients = httpClients;
        _options = options;
        _time = time;
    }

    public ChannelAccount BotAccount => new(_options.Value.BotId, _options.Value.BotName, RoleTypes.Bot);

    /// <summary>
    /// This app's own address, taken from the connection the request arrived on rather than from its Host
    /// header, which the client chooses: the bot is called, and its replies sent, only to this very server.
    /// </summary>
    public static string SelfUrl(HttpRequest request)
    {
        var connection = request.HttpContext.Connection;
        if (connection.LocalIpAddress is not { } address)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"{request.Scheme}://{host}:{connection.LocalPort}{request.PathBase}";
    }

    /// <summary>The base URL of the local Connector, the serviceUrl the bot replies to.</summary>
    public static string ConnectorUrl(HttpRequest request) => SelfUrl(request) + LocalDirectLineEndpoints.ConnectorPath + "/";

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
    public Task StartAsync(HttpRequest request, LocalConversation conversation, CancellationToken ct)
    {
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = DirectLineTokens.NewId("update-"),
            ChannelId = ChannelId,
            ServiceUrl = ConnectorUrl(request),
            Conversation = new ConversationAccount(id: conversation.Id),
            From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
            Recipient = BotAccount,
            MembersAdded = [BotAccount, new ChannelAccount(conversation.UserId, role: RoleTypes.User)],
            Timestamp = _time.GetUtcNow(),
        };
        return SendAsync(request, update, ct);
    }

    /// <summary>
    /// Runs one bot turn for the activity and returns when the bot has finished it. Throws
    /// <see cref="HttpRequestException"/> when the bot fails or cannot be reached.
    /// </summary>
    public async Task SendAsync(HttpRequest request, Activity activity, CancellationToken ct)
    {
        var json = JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _httpClients.CreateClient(HttpClientName)
            .PostAsync(SelfUrl(request) + BotEndpoints.MessagesPath, content, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The bot answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
