using RegionBot.Knowledge.Search;

namespace RegionBot.Metrics;

/// <summary>Times every search of the knowledge it wraps (questions and the checks of follow-up suggestions alike).</summary>
public sealed class MeasuredPassageSearch(IPassageSearch inner, RegionBotMetrics metrics, TimeProvider time) : IPassageSearch
{
    public SearchAnswer Search(string question, SearchContext? context, SearchMode mode, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var answer = inner.Search(question, context, mode, cancellationToken);
        metrics.RecordSearch(time.GetElapsedTime(started));
        return answer;
    }
}
