namespace Gv2Edge.Radar.State;

/// <summary>
/// An immutable view of one symbol's level-1 state at a moment, as kept by the per-symbol state store. What the
/// radar, the acceleration engine's buffer and the dashboard read. Prices are doubles with NaN for "unknown"
/// (converted to null at the JSON edge); volumes are in shares.
/// </summary>
public readonly record struct SymbolSnapshot
{
    public required string Symbol { get; init; }

    /// <summary>Time of the last update that reached the store.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Session at <see cref="Time"/>: "PRE", "RTH", "POST" or "CLOSED".</summary>
    public string Session { get; init; }

    public double Last { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    public double BidSize { get; init; }

    public double AskSize { get; init; }

    /// <summary>The day's cumulative volume as IB reports it (shares).</summary>
    public double CumulativeVolume { get; init; }

    public double Vwap { get; init; }

    public double DayHigh { get; init; }

    public double DayLow { get; init; }

    public double PreMarketHigh { get; init; }

    public double PreMarketLow { get; init; }

    public double RthHigh { get; init; }

    public double RthLow { get; init; }

    /// <summary>Previous session's close (IB tick 9).</summary>
    public double PrevClose { get; init; }

    public double Open { get; init; }

    /// <summary>IB tick 49: 0 not halted, 1 general halt, 2 volatility halt; null unknown.</summary>
    public int? Halted { get; init; }

    /// <summary>"live", "frozen", "delayed" or "delayed-frozen".</summary>
    public string DataQuality { get; init; }

    /// <summary>Spread in percent of mid (NaN without a two-sided quote).</summary>
    public double SpreadPct { get; init; }

    /// <summary>Shares traded over the last 60 s, from cumulative-volume differences (0 right after a gap).</summary>
    public double VolumeLastMinute { get; init; }

    /// <summary>Shares traded over the last 5 minutes, same rules as <see cref="VolumeLastMinute"/>.</summary>
    public double VolumeLast5Minutes { get; init; }

    /// <summary>Shares counted from cumulative-volume differences since the day started or the last data gap.</summary>
    public double PeriodVolumeToday { get; init; }

    /// <summary>Time-of-day baseline: expected shares in the current minute (NaN without a baseline).</summary>
    public double ExpectedVolumePerMinute { get; init; }

    /// <summary>Updates applied to this symbol since it was interned.</summary>
    public long Updates { get; init; }
}
