using RegionBot.Commands;

if (CommandLine.TryRun(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
return 0;
