using System.Diagnostics.Metrics;
using RegionBot.Knowledge.Search;

namespace RegionBot.Metrics;

/// <summary>
/// The bot's own instruments, in the "RegionBot" meter: turns by outcome, search latency, the confidence of answers,
/// and knowledge reloads. OpenTelemetry collects them (see <see cref="MetricsServiceCollectionExtensions"/>).
/// </summary>
public sealed class RegionBotMetrics
{
    public const string MeterName = "RegionBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _searchDuration;
    private readonly Histogram<double> _answerConfidence;
    private readonly Counter<long> _reloads;
    private readonly Counter<long> _reloadFailures;

    public RegionBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("regionbot.turns", "{turn}", "Message turns, by outcome: answered, no_answer, clarify, small_talk or error.");
        _searchDuration = meter.CreateHistogram<double>(
            "regionbot.search.duration", "s", "How long one search of the knowledge took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _answerConfidence = meter.CreateHistogram<double>(
            "regionbot.answer.confidence", "1", "The share of the question the best passage of an answered turn covers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 0.6, 0.7, 0.8, 0.9, 1] });
        _reloads = meter.CreateCounter<long>("regionbot.knowledge.reloads", "{reload}", "Knowledge reloads that were attempted.");
        _reloadFailures = meter.CreateCounter<long>("regionbot.knowledge.reload_failures", "{reload}", "Knowledge reloads refused because the knowledge had a problem.");
    }

    public void RecordTurn(string outcome) => _turns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordSearch(TimeSpan duration) => _searchDuration.Record(duration.TotalSeconds);

    public void RecordAnswer(SearchAnswer answer)
    {
        if (answer.HasAnswer)
        {
            _answerConfidence.Record(answer.Hits[0].Confidence);
        }
    }

    public void RecordReload(bool refused)
    {
        _reloads.Add(1);
        if (refused)
        {
            _reloadFailures.Add(1);
        }
    }
}
