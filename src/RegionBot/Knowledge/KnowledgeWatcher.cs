using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RegionBot.Knowledge;

/// <summary>
/// Watches the knowledge folder and reloads the knowledge once the folder has been quiet for the debounce period
/// after a file was created, changed, renamed or deleted. Questions keep being answered from the old index while
/// the new one is built.
/// </summary>
internal sealed partial class KnowledgeWatcher(
    IServiceProvider services,
    IOptions<ReloadOptions> options,
    TimeProvider clock,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchKnowledge)
        {
            return;
        }

        // Knowledge start-up has run before this service starts, so the store is already loaded.
        var store = services.GetRequiredService<KnowledgeStore>();
        var reloader = services.GetRequiredService<KnowledgeReloader>();

        // One pending signal is enough: a reload reads the whole folder, whatever changed.
        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(store.KnowledgeDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, e) => changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => changes.Writer.TryWrite(e.FullPath);

        // A lost event (the watcher's buffer overflowed) could hide a change, so it is treated as one.
        watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException());
            changes.Writer.TryWrite(store.KnowledgeDirectory);
        };
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException unavailable)
        {
            // The system's watch limit (inotify instances on Linux) is reached. The bot must keep answering; edits
            // then need the admin reload or a restart.
            LogNotWatching(unavailable, store.KnowledgeDirectory);
            return;
        }

        LogWatching(store.KnowledgeDirectory);

        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                do
                {
                    changes.Reader.TryRead(out _);
                    await Task.Delay(options.Value.ReloadDebounce, clock, stoppingToken);
                }
                while (changes.Reader.TryPeek(out _));

                await ReloadAsync(reloader, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The application is stopping; a reload in progress is abandoned and the old index is disposed with the store.
        }
    }

    private async Task ReloadAsync(KnowledgeReloader reloader, CancellationToken stoppingToken)
    {
        try
        {
            await reloader.ReloadAsync("knowledge folder changed", stoppingToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // A file still being written or locked by an editor; the write that releases it raises another change.
            LogReloadFailed(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {KnowledgeDirectory} for knowledge changes")]
    private partial void LogWatching(string knowledgeDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {KnowledgeDirectory} for knowledge changes; reload with POST /admin/reload or a restart")]
    private partial void LogNotWatching(Exception exception, string knowledgeDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge folder watcher lost events; reloading to be sure")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the knowledge folder for a reload; waiting for the next change")]
    private partial void LogReloadFailed(Exception exception);
}
