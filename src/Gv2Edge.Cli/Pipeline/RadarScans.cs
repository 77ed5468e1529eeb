using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// Adapts the anomaly radar's scan service to the app's scans: each scored row becomes an anomaly (journal, radar
/// suspects), and a new suspect is put on the hot list as WARM with a line (the radar feeding the streaming engine).
/// </summary>
public static class RadarScans
{
    /// <summary>
    /// A radar scan over <paramref name="client"/>; its waits run on the wall clock (as the flow scan's), rows are stamped
    /// with the pipeline's <paramref name="clock"/>.
    /// </summary>
    public static Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<AnomalyRecord>>> Create(
        TwsClient client, MarketDataService quotes, LivePipeline pipeline, TimeProvider clock)
    {
        var service = new RadarScanService(client, quotes, clock: TimeProvider.System);
        return async (symbols, cancellationToken) =>
        {
            RadarScanResult result = await service.ScanAsync(RadarUniverse.Named(symbols), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (string symbol in result.NewSuspects)
            {
                if (pipeline.Engine.HotList.Push(symbol, HotPriority.Warm, "RADAR"))
                {
                    pipeline.Subscriptions.Request(symbol, HotPriority.Warm);
                }
            }

            return ToAnomalies(result.Rows, clock.GetUtcNow());
        };
    }

    /// <summary>Rows as journal anomalies (score, types, and the row's figures as payload).</summary>
    public static IReadOnlyList<AnomalyRecord> ToAnomalies(IReadOnlyList<RadarRow> rows, DateTimeOffset time) =>
        [.. rows.Select(r => new AnomalyRecord(time, r.Symbol, r.Score, r.Types, new Dictionary<string, object?>
        {
            ["gapPct"] = r.GapPct,
            ["volumeRatio"] = r.VolumeRatio,
            ["rangeToAtr"] = r.RangeToAtr,
            ["last"] = r.Last,
            ["prevClose"] = r.PrevClose,
            ["volumeBaseline"] = r.VolumeBaseline switch
            {
                VolumeBaselineSource.Bars => "bars",
                VolumeBaselineSource.IbAverageVolume => "ib-average-volume",
                _ => null,
            },
            ["session"] = r.Session,
            ["dataQuality"] = r.DataQuality,
            ["reasons"] = r.Anomalies.Select(a => a.Reason).ToList(),
        }))];
}
