namespace Gv2Edge.Radar.Flow;

/// <summary>
/// One symbol's option data: underlying-level ticks (call/put volume 29/30, call/put open interest 27/28, average
/// option volume 87, implied vol 24, historical vol 23) and, after a drill-down, per-contract rows. Unknown values
/// are null; NaN and negative values are treated as unknown.
/// </summary>
public sealed record OptionsFlowInput
{
    public required string Symbol { get; init; }

    /// <summary>False when the symbol has no listed options (empty chain); null when not known.</summary>
    public bool? OptionsListed { get; init; }

    public double? CallVolume { get; init; }

    public double? PutVolume { get; init; }

    /// <summary>Open interest (the previous day's, as OPRA reports it).</summary>
    public double? CallOpenInterest { get; init; }

    public double? PutOpenInterest { get; init; }

    /// <summary>The symbol's own average daily option volume (tick 87).</summary>
    public double? AvgOptionVolume { get; init; }

    /// <summary>Implied volatility as IB sends it (annualised fraction, 0.45 = 45%).</summary>
    public double? ImpliedVol { get; init; }

    /// <summary>Historical volatility as IB sends it (annualised fraction).</summary>
    public double? HistoricalVol { get; init; }

    /// <summary>Per-contract rows from the drill-down (empty when none was made).</summary>
    public IReadOnlyList<OptionContractRow> Contracts { get; init; } = [];

    /// <summary>"live", "frozen", "delayed" or "delayed-frozen".</summary>
    public string DataQuality { get; init; } = "live";
}

/// <summary>One option contract's level-1 figures and greeks.</summary>
public sealed record OptionContractRow
{
    /// <summary>Expiry as yyyyMMdd.</summary>
    public required string Expiry { get; init; }

    public required double Strike { get; init; }

    /// <summary>"C" or "P".</summary>
    public required string Right { get; init; }

    public double? Volume { get; init; }

    public double? OpenInterest { get; init; }

    /// <summary>Implied volatility (annualised fraction).</summary>
    public double? ImpliedVol { get; init; }

    public double? Delta { get; init; }

    public double? Gamma { get; init; }

    public double? Theta { get; init; }

    public double? Vega { get; init; }

    /// <summary>"ib" (IB's model greeks, tick 13), "model" (our Black–Scholes) or null when there are none.</summary>
    public string? GreeksSource { get; init; }
}
