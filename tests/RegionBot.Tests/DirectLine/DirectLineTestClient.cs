using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace RegionBot.Tests.DirectLine;

/// <summary>Calls the local Direct Line over HTTP the way DirectLineJS does, and reads the JSON it answers.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public async Task<JObject> GenerateTokenAsync()
    {
        using var response = await http.PostAsync(Base + "/tokens/generate", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A started conversation: its id, the token for it and the stream URL.</summary>
    public async Task<(string ConversationId, string Token, JObject Body)> StartConversationAsync()
    {
        var generated = await GenerateTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, Base + "/conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ((string)body["conversationId"]!, (string)body["token"]!, body);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, JObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    /// <summary>Posts a message as Web Chat does, with its client activity id in channelData.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string clientActivityId = "client-1")
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = "en-US",
            ["from"] = new JObject { ["id"] = "someone-else", ["name"] = "Tester" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId },
        };
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", token, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!;
    }

    public async Task<(JArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var path = $"{Base}/conversations/{conversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark);
        using var response = await SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ((JArray)body["activities"]!, (string)body["watermark"]!);
    }

    /// <summary>The claims of a local token: the payload of its JSON Web Token form.</summary>
    public static JObject Claims(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
    }
}
