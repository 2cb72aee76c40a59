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
/// looks usable; one that is unreadable anyway is deleted and rebuilt.
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

    /// <summary>Opens the stored index of this knowledge, building and storing it first when there is none usable.</summary>
    public (PassageIndex Index, string Folder, bool Reused) OpenOrBuild(KnowledgeBase knowledge, Analyzer analyzer)
    {
        // The index format is part of the name, so builds of different versions sharing a root never take each
        // other's index for a broken one of their own.
        var folder = Path.Combine(Root, PassageIndex.Format + "-" + knowledge.ContentHash[..32].ToLowerInvariant());
        lock (users)
        {
            var opened = OpenOrBuildFolder(knowledge, analyzer, folder);
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

    private (PassageIndex Index, string Folder, bool Reused) OpenOrBuildFolder(KnowledgeBase knowledge, Analyzer analyzer, string folder)
    {
        if (Directory.Exists(folder))
        {
            var stored = OpenFolder(folder);
            var existing = PassageIndex.TryOpen(knowledge, stored);
            if (existing is not null)
            {
                return (existing, folder, true);
            }

            stored.Dispose();
            logger.LogWarning("The stored index in {IndexFolder} is incomplete or unreadable; rebuilding it", folder);
            TryDelete(folder);
        }

        Directory.CreateDirectory(Root);
        var building = folder + BuildingSuffix + "-" + Guid.NewGuid().ToString("N");
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
            // Another process built the same version at the same time; its index is as good as ours.
            TryDelete(building);
        }
        catch
        {
            TryDelete(building);
            throw;
        }

        var built = OpenFolder(folder);
        var index = PassageIndex.TryOpen(knowledge, built);
        if (index is null)
        {
            built.Dispose();
            throw new IOException($"The index just built in {folder} cannot be opened.");
        }

        return (index, folder, false);
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
