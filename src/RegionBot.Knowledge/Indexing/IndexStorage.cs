using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using RegionBot.Knowledge.Model;
using Directory = System.IO.Directory;

namespace RegionBot.Knowledge.Indexing;

/// <summary>
/// Keeps indexes on disk, one folder per version of the knowledge (named by its content hash), so that an unchanged
/// knowledge folder is searched at start-up without rebuilding, and a new version is built beside the one in use.
/// A folder only takes its final name once its index is complete, so a crash mid-build never leaves an index that
/// looks usable; a stored index is verified against its checksums before it is adopted, and one that fails is deleted
/// and rebuilt.
/// </summary>
internal sealed class IndexStorage(string root, ILogger logger)
{
    private const string BuildingSuffix = ".building";

    /// <summary>How many of this process's snapshots use each folder: a folder is deleted only when none does.</summary>
    private readonly Dictionary<string, int> users = new(StringComparer.Ordinal);

    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>
    /// The default place for a knowledge folder's indexes: under the user's local application data, outside the
    /// source tree, one folder per knowledge folder.
    /// </summary>
    public static string DefaultRoot(string knowledgeDirectory)
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.GetTempPath();
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(knowledgeDirectory))))[..16];
        return Path.Combine(data, "RegionBot", "index", key.ToLowerInvariant());
    }

    /// <summary>
    /// Opens the stored index of this knowledge, building and storing it first when there is none usable. A stored
    /// index is verified before it is adopted; one that fails to open or verify is deleted and rebuilt, with a warning.
    /// The folder is counted as used by one more snapshot until <see cref="Remove"/>.
    /// </summary>
    public (PassageIndex Index, string Folder, bool Reused) OpenOrBuild(KnowledgeBase knowledge, Analyzer analyzer, Action? closed = null)
    {
        // The index format is part of the name, so builds of different versions sharing a root never take each
        // other's index for a broken one of their own.
        var folder = Path.Combine(Root, PassageIndex.Format + "-" + knowledge.ContentHash[..32].ToLowerInvariant());
        lock (users)
        {
            var opened = TryAdopt(knowledge, folder, closed) is { } adopted
                ? (adopted, folder, true)
                : (Build(knowledge, analyzer, folder, closed), folder, false);
            users[folder] = users.GetValueOrDefault(folder) + 1;
            return opened;
        }
    }

    /// <summary>Gives up one snapshot's use of a folder, and deletes the folder once no snapshot uses it.</summary>
    public void Remove(string folder)
    {
        lock (users)
        {
            var remaining = users.GetValueOrDefault(folder) - 1;
            if (remaining > 0)
            {
                users[folder] = remaining;
                return;
            }

            users.Remove(folder);
            if (string.Equals(Path.GetDirectoryName(folder), Root, StringComparison.Ordinal))
            {
                TryDelete(folder);
            }
        }
    }

    /// <summary>
    /// Deletes the half-built folders that a killed process left behind. A folder being built names the process
    /// building it, so builds still running in this or another live process on the machine are left alone.
    /// </summary>
    public void RemoveAbandonedBuilds()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var building in Directory.GetDirectories(Root, "*" + BuildingSuffix + "-*"))
        {
            if (!IsBuiltByLiveProcess(Path.GetFileName(building)))
            {
                logger.LogWarning("Deleting {IndexFolder}, left half-built by a process that has ended", building);
                TryDelete(building);
            }
        }
    }

    private static bool IsBuiltByLiveProcess(string name)
    {
        var owner = name[(name.LastIndexOf(BuildingSuffix + "-", StringComparison.Ordinal) + BuildingSuffix.Length + 1)..].Split('-')[0];
        if (!int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Opens and verifies the stored index in <paramref name="folder"/>, or deletes it and returns null.</summary>
    private PassageIndex? TryAdopt(KnowledgeBase knowledge, string folder, Action? closed)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var directory = OpenFolder(folder);
        try
        {
            return PassageIndex.Open(knowledge, directory, verify: true, closed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The index is derived data: whatever is wrong with it, building it again from the knowledge mends it.
            directory.Dispose();
            logger.LogWarning(
                "The stored index in {IndexFolder} cannot be used ({Reason}); deleting it and rebuilding it from the knowledge",
                folder,
                ex.GetType().Name + ": " + ex.Message);
            TryDelete(folder);
            return null;
        }
    }

    private PassageIndex Build(KnowledgeBase knowledge, Analyzer analyzer, string folder, Action? closed)
    {
        Directory.CreateDirectory(Root);
        var building = folder + BuildingSuffix + "-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N");
        var ours = true;
        try
        {
            using (var directory = OpenFolder(building))
            {
                PassageIndex.Write(knowledge, directory, analyzer);
            }

            Directory.Move(building, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process built the same version at the same time; its index is as good as ours once verified.
            TryDelete(building);
            ours = false;
        }
        catch
        {
            TryDelete(building);
            throw;
        }

        var built = OpenFolder(folder);
        try
        {
            return PassageIndex.Open(knowledge, built, verify: !ours, closed);
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an index folder with positional file reads. Lucene.Net's memory-mapped directory, which
    /// <see cref="FSDirectory.Open(string)"/> picks on 64-bit Linux, tracks every clone of its inputs for release,
    /// and a long-running bot that clones them on every search slowed down turn after turn (measured: CPU per turn
    /// 5.4 → 12 ms over three rounds with memory mapping, flat at 4 ms without).
    /// </summary>
    private static Lucene.Net.Store.Directory OpenFolder(string folder) => new NIOFSDirectory(new DirectoryInfo(folder));

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete the index folder {IndexFolder}", folder);
        }
    }
}
