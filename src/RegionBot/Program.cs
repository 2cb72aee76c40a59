using RegionBot.Admin;
using RegionBot.Bot;
using RegionBot.Commands;
using RegionBot.Configuration;
using RegionBot.DirectLine;
using RegionBot.Edge;
using RegionBot.Feedback;
using RegionBot.Health;
using RegionBot.Knowledge;
using RegionBot.Metrics;
using RegionBot.Proxy;
using RegionBot.State;
using RegionBot.WebChat;

if (CommandLine.TryRun(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

var builder = RegionBotHost.CreateBuilder(args);
builder.Services.AddProxySupport(builder.Configuration);
builder.Services.AddRegionBotMetrics(builder.Configuration);
builder.Services.AddKnowledge(builder.Configuration);
builder.Services.AddKnowledgeReload(builder.Configuration);
builder.Services.AddConversationState(builder.Configuration);
builder.Services.AddFeedback(builder.Configuration);
builder.Services.AddBot();
builder.Services.AddHealth();
builder.Services.AddEdgeLimits(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddAdmin();
builder.Services.AddLocalDirectLine(builder.Configuration);
builder.Services.AddWebChat();

var app = builder.Build();
app.UseProxySupport();
app.UseSecurityHeaders();
app.UseEdgeLimits();
app.MapRegionBotMetrics();
app.MapBot();
app.MapHealth();
app.MapAdmin();
app.MapLocalDirectLine();
app.MapWebChat();
app.Run();
return 0;

/// <summary>The application's entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
