namespace Gv2Edge.Radar.Detectors;

/// <summary>
/// Every threshold and window of the streaming detectors and the state store, in one place. Defaults are the
/// guide's values (IBKR_INTEGRATION_GUIDE: volume &gt; 3× baseline, price &gt; 3% in 5 min, spread narrowing
/// vs its 60 s average, 60 s cooldown per symbol and type) or, where the guide is silent, documented choices.
/// </summary>
public sealed record DetectorOptions
{
    /// <summary>Default values.</summary>
    public static DetectorOptions Default { get; } = new();

    /// <summary>Seconds of 1-second history kept per symbol (ring buffer). Default 600 (10 min); at least the longest window.</summary>
    public int HistorySeconds { get; init; } = 600;

    /// <summary>Same event type for the same symbol is suppressed for this long after it fired. Default 60 s.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>No update for this long, then a cumulative-volume jump is a catch-up, not trading: period volume restarts. Default 30 s.</summary>
    public TimeSpan DataGap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>VOLUME_SPIKE window: volume over the last this-many seconds is compared with the baseline. Default 60 s.</summary>
    public int VolumeWindowSeconds { get; init; } = 60;

    /// <summary>VOLUME_SPIKE fires when window volume / time-of-day baseline exceeds this. Default 3 (guide: "&gt; 3× baseline").</summary>
    public double VolumeSpikeRatio { get; init; } = 3.0;

    /// <summary>VOLUME_SPIKE needs at least this many shares in the window, so a thin baseline cannot make noise. Default 1,000.</summary>
    public double VolumeSpikeMinShares { get; init; } = 1_000;

    /// <summary>PRICE_SURGE / PRICE_DROP window. Default 300 s (guide: "3% in 5 min").</summary>
    public int PriceWindowSeconds { get; init; } = 300;

    /// <summary>PRICE_SURGE fires when last is this many percent above the window low. Default 3 (%).</summary>
    public double PriceSurgePct { get; init; } = 3.0;

    /// <summary>PRICE_DROP fires when last is this many percent below the window high. Default 3 (%).</summary>
    public double PriceDropPct { get; init; } = 3.0;

    /// <summary>SPREAD_TIGHTENING compares with the average spread over this many seconds. Default 60.</summary>
    public int SpreadWindowSeconds { get; init; } = 60;

    /// <summary>SPREAD_TIGHTENING needs spread samples in at least this many seconds of the window. Default 10.</summary>
    public int SpreadMinSeconds { get; init; } = 10;

    /// <summary>SPREAD_TIGHTENING fires when the spread (% of mid) is this many percent below its average. Default 30 (%).</summary>
    public double SpreadTighteningPct { get; init; } = 30.0;

    /// <summary>SPREAD_TIGHTENING needs at least this size on both bid and ask, so one-lot quotes do not trigger it. Default 100 shares.</summary>
    public double SpreadMinQuoteSize { get; init; } = 100;

    /// <summary>NEW_HIGH needs the new high to exceed the previous one by at least this percent. Default 0.2 (%).</summary>
    public double NewHighMinStepPct { get; init; } = 0.2;

    /// <summary>
    /// Hysteresis: after firing, a detector re-arms only once its measure falls below this fraction of its threshold
    /// (volume ratio, price move, spread narrowing), so noise around a threshold does not fire again. Default 0.8.
    /// </summary>
    public double RearmFraction { get; init; } = 0.8;

    /// <summary>Throws <see cref="ArgumentException"/> with a plain message when a value makes no sense.</summary>
    public void Validate()
    {
        Require(VolumeWindowSeconds >= 2, "VolumeWindowSeconds must be at least 2.");
        Require(PriceWindowSeconds >= 2, "PriceWindowSeconds must be at least 2.");
        Require(SpreadWindowSeconds >= 2, "SpreadWindowSeconds must be at least 2.");
        int longest = Math.Max(VolumeWindowSeconds, Math.Max(PriceWindowSeconds, SpreadWindowSeconds));
        Require(HistorySeconds >= longest, $"HistorySeconds ({HistorySeconds}) must cover the longest window ({longest} s).");
        Require(HistorySeconds <= 86_400, "HistorySeconds must be at most one day.");
        Require(Cooldown >= TimeSpan.Zero, "Cooldown cannot be negative.");
        Require(DataGap > TimeSpan.Zero, "DataGap must be positive.");
        Require(VolumeSpikeRatio > 0 && PriceSurgePct > 0 && PriceDropPct > 0, "Spike and price thresholds must be positive.");
        Require(SpreadTighteningPct is > 0 and < 100, "SpreadTighteningPct must be between 0 and 100.");
        Require(SpreadMinSeconds >= 1 && SpreadMinSeconds < SpreadWindowSeconds, "SpreadMinSeconds must be between 1 and the spread window.");
        Require(RearmFraction is > 0 and <= 1, "RearmFraction must be in (0, 1].");
        Require(NewHighMinStepPct >= 0 && SpreadMinQuoteSize >= 0 && VolumeSpikeMinShares >= 0, "Minimum steps and sizes cannot be negative.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("Detector options: " + message);
        }
    }
}
