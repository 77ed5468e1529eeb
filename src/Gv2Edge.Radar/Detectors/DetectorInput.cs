using Gv2Edge.Market;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// What the detectors see after one update has been applied to the state store: the current quote and the
/// store's rolling windows. Built by the store without allocating; NaN means "not available (yet)".
/// </summary>
public readonly struct DetectorInput
{
    /// <summary>Time of the update, UTC ticks.</summary>
    public long UtcTicks { get; init; }

    public MarketSession Session { get; init; }

    public double Last { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    public double BidSize { get; init; }

    public double AskSize { get; init; }

    /// <summary>Current spread in percent of mid (NaN without a two-sided quote).</summary>
    public double SpreadPct { get; init; }

    /// <summary>Average spread (percent of mid) over the spread window, current second excluded.</summary>
    public double AvgSpreadPct { get; init; }

    /// <summary>Seconds of the spread window that had spread samples.</summary>
    public int SpreadSeconds { get; init; }

    /// <summary>Seconds from the oldest spread sample of the window to this update (0 without samples).</summary>
    public int SpreadSpanSeconds { get; init; }

    /// <summary>Shares traded over the volume window, current partial second included.</summary>
    public double WindowVolume { get; init; }

    /// <summary>True when period volume has been tracked for the whole volume window (no gap in it).</summary>
    public bool VolumeWindowFull { get; init; }

    /// <summary>Expected shares over the volume window at this time of day (NaN without a baseline).</summary>
    public double BaselineVolume { get; init; }

    /// <summary>Standard deviation of the window volume at this time of day (NaN without a baseline).</summary>
    public double BaselineStd { get; init; }

    /// <summary>Lowest trade price over the price window, current tick included.</summary>
    public double WindowLow { get; init; }

    /// <summary>Highest trade price over the price window, current tick included.</summary>
    public double WindowHigh { get; init; }

    /// <summary>The session-relevant high before this update (pre-market high in PRE, day high otherwise).</summary>
    public double HighBefore { get; init; }

    /// <summary>The same high after this update.</summary>
    public double HighAfter { get; init; }

    /// <summary>Tick 49 after this update: 0, 1, 2 or -1 unknown.</summary>
    public int Halted { get; init; }

    public DataQuality Quality { get; init; }
}
