using RegionBot.DirectLine;
using RegionBot.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLocalDirectLine(builder.Configuration);

var app = builder.Build();
app.MapLocalDirectLine();
app.MapWebChat();
app.Run();

/// <summary>The app's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
