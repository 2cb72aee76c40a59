using RegionBot.Admin;
using RegionBot.Bot;
using RegionBot.Commands;
using RegionBot.Configuration;
using RegionBot.DirectLine;
using RegionBot.Edge;
using RegionBot.Feedback;
using RegionBot.Health;
using RegionBot.Knowledge;
using RegionBot.State;
using RegionBot.WebChat;

if (CommandLine.TryRun(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(RegionBotHost.Options(args));
builder.AddRegionBotConfiguration();
builder.Services.AddKnowledge(builder.Configuration);
builder.Services.AddKnowledgeReload(builder.Configuration);
builder.Services.AddConversationState(builder.Configuration);
builder.Services.AddFeedback(builder.Configuration);
builder.Services.AddBot();
builder.Services.AddEdgeLimits(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddAdmin();
builder.Services.AddLocalDirectLine(builder.Configuration);

var app = builder.Build();
app.UseSecurityHeaders();
app.UseEdgeLimits();
app.MapBot();
app.MapHealth();
app.MapAdmin();
app.MapLocalDirectLine();
app.MapWebChat();
app.Run();
return 0;

/// <summary>The application's entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
