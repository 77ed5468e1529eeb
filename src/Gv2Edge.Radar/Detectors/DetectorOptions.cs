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

    /// <summary>
    /// SPREAD_TIGHTENING needs the window's spread samples to reach back at least this many seconds, so a couple of
    /// quotes are not an average. Default 10.
    /// </summary>
    public int SpreadMinSeconds { get; init; } = 10;

    /// <summary>
    /// SPREAD_TIGHTENING needs samples in at least this many distinct seconds of the window. Default 3: IB sends a
    /// stock's quote at most every 250 ms, but a quiet name (or an accelerated replay) can update only every few seconds.
    /// </summary>
    public int SpreadMinSamples { get; init; } = 3;

    /// <summary>
    /// SPREAD_TIGHTENING fires only when the narrow spread is still there on an update at least this much later, so a
    /// half-updated quote (bid and ask arrive in separate messages) is not a tightening. Default 1 s.
    /// </summary>
    public TimeSpan SpreadConfirm { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After a session change (pre-market to regular hours...) spread samples of this many seconds are left out of the average. Default 5.</summary>
    public int SessionSettleSeconds { get; init; } = 5;

    /// <summary>SPREAD_TIGHTENING fires when the spread (% of mid) is this many percent below its average. Default 30 (%).</summary>
    public double SpreadTighteningPct { get; init; } = 30.0;

    /// <summary>SPREAD_TIGHTENING needs at least this size on both bid and ask, so one-lot quotes do not trigger it. Default 100 shares.</summary>
    public double SpreadMinQuoteSize { get; init; } = 100;

    /// <summary>
    /// NEW_HIGH needs the new high to exceed the previous high (the session's established high, then the last reported
    /// one) by at least this percent, so a print a cent above the high is not news. Default 0.5 (%).
    /// </summary>
    public double NewHighMinStepPct { get; init; } = 0.5;

    /// <summary>NEW_HIGH for the same symbol is held back for this long after it fired. Default 60 s.</summary>
    public TimeSpan NewHighCooldown { get; init; } = TimeSpan.FromSeconds(60);

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
        Require(Cooldown >= TimeSpan.Zero && NewHighCooldown >= TimeSpan.Zero, "Cooldowns cannot be negative.");
        Require(DataGap > TimeSpan.Zero, "DataGap must be positive.");
        Require(VolumeSpikeRatio > 0 && PriceSurgePct > 0 && PriceDropPct > 0, "Spike and price thresholds must be positive.");
        Require(SpreadTighteningPct is > 0 and < 100, "SpreadTighteningPct must be between 0 and 100.");
        Require(SpreadMinSeconds >= 1 && SpreadMinSeconds < SpreadWindowSeconds, "SpreadMinSeconds must be between 1 and the spread window.");
        Require(SpreadMinSamples >= 1 && SpreadMinSamples <= SpreadWindowSeconds, "SpreadMinSamples must be between 1 and the spread window.");
        Require(SpreadConfirm >= TimeSpan.Zero && SpreadConfirm < TimeSpan.FromSeconds(SpreadWindowSeconds), "SpreadConfirm must be between 0 and the spread window.");
        Require(SessionSettleSeconds is >= 0 and <= 3_600, "SessionSettleSeconds must be between 0 and 3600.");
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
