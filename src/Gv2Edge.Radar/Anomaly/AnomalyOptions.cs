namespace Gv2Edge.Radar.Anomaly;

/// <summary>Thresholds of the anomaly radar (the guide's: volume &gt; 3× average, gap &gt; 3%, range &gt; 2× normal).</summary>
public sealed record AnomalyOptions
{
    /// <summary>VOLUME_SPIKE when volume / average volume to the same time is above this. Default 3.</summary>
    public double VolumeSpikeRatio { get; init; } = 3.0;

    /// <summary>GAP when |gap| against the previous close is above this percent. Default 3%.</summary>
    public double GapPct { get; init; } = 3.0;

    /// <summary>VOLATILITY_SURGE when today's range / ATR(14) is above this. Default 2.</summary>
    public double RangeToAtr { get; init; } = 2.0;

    /// <summary>A row is emitted at this score or more (inclusive). Default 0.2.</summary>
    public double EmitScore { get; init; } = 0.2;

    /// <summary>A row at this score or more is a suspect (fed to streaming as WARM). Default 0.3.</summary>
    public double SuspectScore { get; init; } = 0.3;

    /// <summary>Price filter for universes and scanners (never for symbols named explicitly). Default $0.0001.</summary>
    public double MinPrice { get; init; } = 0.0001;

    /// <summary>See <see cref="MinPrice"/>. Default $20.</summary>
    public double MaxPrice { get; init; } = 20.0;

    /// <summary>True when <paramref name="last"/> is inside the price filter.</summary>
    public bool PassesPriceFilter(double? last) => last >= MinPrice && last <= MaxPrice;
}

/// <summary>
/// One symbol's inputs to the anomaly radar. Unknown values are null (NaN, infinities and non-positive prices are
/// treated as unknown).
/// </summary>
public sealed record AnomalyInput
{
    public required string Symbol { get; init; }

    public double? Last { get; init; }

    public double? PrevClose { get; init; }

    /// <summary>Volume so far today (shares), counting the same hours as <see cref="AvgVolumeToTime"/>.</summary>
    public double? Volume { get; init; }

    /// <summary>The symbol's average volume by this time of day (see <see cref="VolumeToTime"/>).</summary>
    public double? AvgVolumeToTime { get; init; }

    /// <summary>Where <see cref="AvgVolumeToTime"/> came from. Default <see cref="VolumeBaselineSource.None"/> (not said).</summary>
    public VolumeBaselineSource VolumeBaseline { get; init; }

    /// <summary>How the volume baseline was made, appended to the VOLUME_SPIKE reason (see <see cref="Anomaly.VolumeBaseline"/>). Default none.</summary>
    public string? VolumeBaselineNote { get; init; }

    public double? DayHigh { get; init; }

    public double? DayLow { get; init; }

    /// <summary>ATR(14) of completed daily bars (see <see cref="AverageTrueRange"/>).</summary>
    public double? Atr { get; init; }

    /// <summary>"PRE", "RTH", "POST" or "CLOSED".</summary>
    public string Session { get; init; } = "CLOSED";

    /// <summary>"live", "frozen", "delayed" or "delayed-frozen".</summary>
    public string DataQuality { get; init; } = "live";
}
