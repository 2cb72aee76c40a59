using System.Security.Cryptography;
using RegionBot.Commands;

namespace RegionBot.Tests.Import;

/// <summary>Runs the import command the way the terminal does, and fingerprints folders to show what it touched.</summary>
internal static class ImportRun
{
    public static (int ExitCode, string Output, string Error) Command(IReadOnlyList<string> paths, string knowledge, string? output = null, bool dryRun = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = ImportCommand.Run(paths, output, dryRun, knowledge, stdout, stderr, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every file's name and bytes in a folder: equal fingerprints mean nothing was written, moved or left behind.</summary>
    public static string Fingerprint(string folder) =>
        string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
