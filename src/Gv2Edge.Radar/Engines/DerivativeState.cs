namespace Gv2Edge.Radar.Engines;

/// <summary>
/// What the buffer measures for one symbol from its last samples, in consistent units: price in percent per
/// minute, volume in shares per minute. Z-scores compare like with like: the current 1-minute volume rate with the
/// symbol's 1-minute rates at this time of day, and the window's price change with 1-minute return variability
/// scaled to the window's length.
/// </summary>
public readonly record struct DerivativeState
{
    /// <summary>Samples buffered for the symbol.</summary>
    public int Samples { get; init; }

    /// <summary>
    /// min(1, samples / ConfidenceSamples) — the original's n/20 — and, with a baseline, at most
    /// min(1, baseline observations / ConfidenceSamples): a symbol judged against few observations is less sure.
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>True when there are enough samples for derivatives (default 3).</summary>
    public bool IsReady { get; init; }

    /// <summary>Time of the newest sample.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Newest price.</summary>
    public double Price { get; init; }

    /// <summary>Last step's price change, percent per minute.</summary>
    public double PriceVelocityPctPerMin { get; init; }

    /// <summary>Change of the price velocity over the last step, percent per minute per minute.</summary>
    public double PriceAccelerationPctPerMin2 { get; init; }

    /// <summary>Price change across the derivative window, percent.</summary>
    public double PriceChangePct { get; init; }

    /// <summary>Length of the derivative window in minutes.</summary>
    public double WindowMinutes { get; init; }

    /// <summary>Shares per minute over the last minute (see <see cref="TickerBufferOptions.VolumeRateSpan"/>).</summary>
    public double VolumePerMinute { get; init; }

    /// <summary>Change of the per-sample volume rate over the last step, shares per minute per minute.</summary>
    public double VolumeAcceleration { get; init; }

    /// <summary>Change of the volume rate from the window's first to its last sample, shares per minute per minute.</summary>
    public double VolumeTrend { get; init; }

    /// <summary>Volume rate over the baseline mean, null without a baseline.</summary>
    public double? VolumeRatio { get; init; }

    /// <summary>(volume rate − baseline mean) / baseline std; 0 without a baseline.</summary>
    public double VolumeZ { get; init; }

    /// <summary>Window price change / (1-minute return std × √window minutes); 0 without a baseline.</summary>
    public double PriceZ { get; init; }

    /// <summary>Newest spread, percent of mid; null when the quote is one-sided.</summary>
    public double? SpreadPct { get; init; }

    /// <summary>Newest spread against the symbol's own earlier spreads in the buffer; 0 when too few.</summary>
    public double SpreadZ { get; init; }

    /// <summary>True when the spread narrowed over the last step.</summary>
    public bool SpreadTightening { get; init; }

    /// <summary>"bars", "self" or "none": where the volume and price baseline came from.</summary>
    public string BaselineSource { get; init; }

    /// <summary>Newest sample (session, data quality, VWAP, previous close for gap quality).</summary>
    public TickerSample Latest { get; init; }
}
