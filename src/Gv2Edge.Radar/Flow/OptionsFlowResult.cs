namespace Gv2Edge.Radar.Flow;

/// <summary>One signal: type, the measured value, the threshold it crossed, its score and why.</summary>
public sealed record FlowSignal(string Type, double Value, double Threshold, double Score, string Reason);

/// <summary>A contract whose volume exceeds its open interest (new positions).</summary>
public sealed record NewPosition(string Expiry, double Strike, string Right, double Volume, double OpenInterest);

/// <summary>
/// One row of <c>edge flow --json</c>: symbol, score, signals, callVolume, putVolume, callOpenInterest,
/// putOpenInterest, putCallRatio (null without call volume), callShare and impliedVol (percent), volumeToOpenInterest,
/// avgOptionVolume, targetStrike, newPositions, topStrikes, dataQuality, plus <see cref="Status"/> and
/// <see cref="Notes"/> for missing data. Unknown values are null, never NaN.
/// </summary>
public sealed record OptionsFlowResult
{
    public required string Symbol { get; init; }

    /// <summary>Max of the signal scores, 0–1 (0 without signals).</summary>
    public double Score { get; init; }

    public required IReadOnlyList<FlowSignal> Signals { get; init; }

    public double? CallVolume { get; init; }

    public double? PutVolume { get; init; }

    public double? CallOpenInterest { get; init; }

    public double? PutOpenInterest { get; init; }

    /// <summary>Put volume / call volume; null when there is no call volume (never 999).</summary>
    public double? PutCallRatio { get; init; }

    /// <summary>Calls / (calls + puts), percent.</summary>
    public double? CallShare { get; init; }

    /// <summary>Total option volume / total open interest.</summary>
    public double? VolumeToOpenInterest { get; init; }

    public double? AvgOptionVolume { get; init; }

    /// <summary>Implied volatility, percent.</summary>
    public double? ImpliedVol { get; init; }

    /// <summary>The strike carrying the most call volume, or null.</summary>
    public double? TargetStrike { get; init; }

    public required IReadOnlyList<NewPosition> NewPositions { get; init; }

    /// <summary>Contracts by volume, descending (their implied volatility stays an annualised fraction, as in the input rows).</summary>
    public required IReadOnlyList<OptionContractRow> TopStrikes { get; init; }

    public required string DataQuality { get; init; }

    /// <summary>
    /// "ok"; "partial" (some values missing: underlying ticks, chain, contracts not read in time); "no-options" (none
    /// listed); "no-data" (nothing received); "no-permission" (IB refused a line with 354 or a related code: no market
    /// data or no OPRA subscription; the notes say which). Greeks computed by us instead of IB's leave "ok" with a note.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Plain-words notes on missing data (e.g. greeks never sent).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
