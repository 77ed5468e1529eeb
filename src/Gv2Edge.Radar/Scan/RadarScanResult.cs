using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;

namespace Gv2Edge.Radar.Scan;

/// <summary>One radar scan.</summary>
/// <param name="Time">Market time the scan started (exchange time).</param>
/// <param name="TradingDay">The session whose volume, range and gap were measured ("today"; the last one overnight and on weekends).</param>
/// <param name="Session">PRE, RTH, POST or CLOSED at <paramref name="Time"/>.</param>
/// <param name="Rows">Rows at or above the emit score, highest score first.</param>
/// <param name="Suspects">Symbols at or above the suspect score.</param>
/// <param name="NewSuspects">Suspects that were not suspects in the previous scan of the same service (all of them on the first).</param>
/// <param name="Errors">Per-symbol failures (unknown symbol, no quote, bars missing, pacing…), sorted by symbol.</param>
/// <param name="Stats">What the scan cost.</param>
/// <param name="Scored">Every symbol scored, whatever its score, highest first.</param>
public sealed record RadarScanResult(
    DateTimeOffset Time,
    DateOnly TradingDay,
    string Session,
    IReadOnlyList<RadarRow> Rows,
    IReadOnlyList<string> Suspects,
    IReadOnlyList<string> NewSuspects,
    IReadOnlyList<SymbolError> Errors,
    RadarScanStats Stats,
    IReadOnlyList<RadarRow> Scored);

/// <summary>What one scan cost and saw.</summary>
/// <param name="Symbols">Symbols asked for.</param>
/// <param name="Scored">Symbols with a quote that were scored.</param>
/// <param name="FilteredOut">Universe or scanner symbols outside the price or volume filter.</param>
/// <param name="Quotes">Quote requests sent (each is reqMktData + cancelMktData).</param>
/// <param name="ContractLookups">Contract-details requests sent.</param>
/// <param name="HistoricalRequests">Historical-bar requests sent.</param>
/// <param name="CacheHits">Symbols whose contract and baseline came from the cache.</param>
/// <param name="Elapsed">Duration of the scan on the service's clock.</param>
/// <param name="CacheProblem">A cache read or write problem, or null.</param>
/// <param name="AverageVolumeBaselines">Symbols whose bars failed and whose volume was compared with IB's average volume instead. Default 0.</param>
public sealed record RadarScanStats(int Symbols, int Scored, int FilteredOut, int Quotes, int ContractLookups, int HistoricalRequests,
    int CacheHits, TimeSpan Elapsed, string? CacheProblem, int AverageVolumeBaselines = 0);

/// <summary>Progress of a scan: symbols done of the total.</summary>
public readonly record struct RadarScanProgress(int Done, int Total);
