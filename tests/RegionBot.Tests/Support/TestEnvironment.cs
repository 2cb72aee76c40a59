using System.Runtime.CompilerServices;

namespace RegionBot.Tests.Support;

/// <summary>Settings for every host the tests start, applied before the first one starts.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// Test hosts do not watch appsettings.json for changes: each watch takes one of the user's inotify instances (128
    /// by default on Linux), and the suite runs dozens of hosts in parallel, which made host start-up fail now and then.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchConfiguration() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
