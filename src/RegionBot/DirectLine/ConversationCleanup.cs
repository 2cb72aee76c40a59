using Microsoft.Extensions.Options;

namespace RegionBot.DirectLine;

/// <summary>Periodically releases local conversations that have been idle for too long.</summary>
public sealed class ConversationCleanup : BackgroundService
{
    private readonly LocalConversations _conversations;
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;

    public ConversationCleanup(LocalConversations conversations, TimeProvider time, IOptions<DirectLineOptions> options)
    {
        _conversations = conversations;
        _time = time;
        _options = options;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.CleanupInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _conversations.RemoveIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping the app is the normal way out of this loop.
        }
        finally
        {
            _conversations.CloseAll();
        }
    }
}
