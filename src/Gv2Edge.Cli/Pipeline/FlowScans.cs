using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Flow;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>Adapts the options-flow service to the app's scans: one <see cref="FlowFinding"/> per scanned symbol.</summary>
public static class FlowScans
{
    /// <summary>
    /// A flow scan over <paramref name="client"/>. Its waits (underlying ticks, contracts, the per-symbol limit) run on
    /// the wall clock: on the demo's fast market clock five market seconds would be a sixth of a wall second.
    /// </summary>
    public static Func<string, CancellationToken, Task<FlowFinding?>> Create(TwsClient client, MarketDataService quotes, TimeProvider clock)
    {
        var service = new OptionsFlowService(client, quotes, clock: TimeProvider.System);
        return async (symbol, cancellationToken) =>
        {
            OptionsFlowResult r = await service.ScanAsync(symbol, cancellationToken).ConfigureAwait(false);
            return ToFinding(r, clock.GetUtcNow());
        };
    }

    /// <summary>The finding of one result: each signal becomes a journal row carrying the symbol's score.</summary>
    public static FlowFinding ToFinding(OptionsFlowResult r, DateTimeOffset time)
    {
        FlowSignal? top = r.Signals.OrderByDescending(s => s.Score).FirstOrDefault();
        var rows = r.Signals.Select(s => new FlowSignalRecord(time, r.Symbol, s.Type, r.Score, s.Value, s.Threshold, s.Reason, new Dictionary<string, object?>
        {
            ["signalScore"] = s.Score,
            ["putCallRatio"] = r.PutCallRatio,
            ["callVolume"] = r.CallVolume,
            ["putVolume"] = r.PutVolume,
            ["targetStrike"] = r.TargetStrike,
            ["status"] = r.Status,
            ["dataQuality"] = r.DataQuality,
        })).ToList();
        return new FlowFinding(r.Symbol, r.Score, r.PutCallRatio, rows, top?.Type);
    }
}
