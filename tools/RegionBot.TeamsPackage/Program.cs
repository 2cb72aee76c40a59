using RegionBot.TeamsPackage;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

return TeamsPackageCommand.Run(args, Directory.GetCurrentDirectory(), Console.Out, Console.Error, cancellation.Token);
