namespace RegionBot.TeamsPackage;

/// <summary>What was packaged, so the admin can check it against the Azure Bot registration.</summary>
public sealed record TeamsPackageResult(string PackagePath, string BotId, string Domain)
{
    /// <summary>The endpoint the Azure Bot must be configured with for Teams messages to reach RegionBot.</summary>
    public string MessagingEndpoint => $"https://{Domain}/api/messages";
}
