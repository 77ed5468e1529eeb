using System.Text.Json.Serialization;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>One anomaly with its per-symbol baseline.</summary>
/// <param name="Type">VOLUME_SPIKE, GAP or VOLATILITY_SURGE.</param>
/// <param name="Value">Volume ratio, gap percent (signed) or range / ATR.</param>
/// <param name="Threshold">The threshold it crossed.</param>
/// <param name="Baseline">The symbol's own reference: average volume to time, previous close, or ATR.</param>
/// <param name="Score">Its contribution to the row's score.</param>
/// <param name="Reason">One line in plain words.</param>
public sealed record AnomalyFinding(string Type, double Value, double Threshold, double Baseline, double Score, string Reason);

/// <summary>
/// One row of <c>edge radar --json</c>: symbol, types, score, gapPct, volumeRatio, rangeToAtr, last, prevClose,
/// volume, avgVolumeToTime, atr, session, dataQuality (unknowns null), plus the findings behind the types.
/// </summary>
public sealed record RadarRow
{
    public required string Symbol { get; init; }

    /// <summary>Anomaly types, in the order VOLUME_SPIKE, GAP, VOLATILITY_SURGE.</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>Sum of the anomalies' scores (gap ≤ 0.5, volume ≤ 0.3, range ≤ 0.2).</summary>
    public double Score { get; init; }

    /// <summary>Gap against the previous close, percent, signed (−4.2 is a gap down).</summary>
    public double? GapPct { get; init; }

    public double? VolumeRatio { get; init; }

    public double? RangeToAtr { get; init; }

    public double? Last { get; init; }

    public double? PrevClose { get; init; }

    public double? Volume { get; init; }

    public double? AvgVolumeToTime { get; init; }

    /// <summary>Where <see cref="AvgVolumeToTime"/> came from: the symbol's bars, or IB's average volume when bars were not at hand.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<VolumeBaselineSource>))]
    public VolumeBaselineSource VolumeBaseline { get; init; }

    public double? Atr { get; init; }

    public required string Session { get; init; }

    public required string DataQuality { get; init; }

    /// <summary>Each anomaly's value, threshold, baseline, score and reason.</summary>
    public required IReadOnlyList<AnomalyFinding> Anomalies { get; init; }

    /// <summary>True at or above the suspect score (0.3 by default).</summary>
    [JsonIgnore]
    public bool IsSuspect { get; init; }
}
