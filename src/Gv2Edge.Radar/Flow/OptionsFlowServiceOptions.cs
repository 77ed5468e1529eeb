namespace Gv2Edge.Radar.Flow;

/// <summary>When <see cref="OptionsFlowService"/> opens per-contract lines.</summary>
public enum FlowDrillDown
{
    /// <summary>Only for symbols whose underlying figures raise at least one signal (default).</summary>
    Flagged,

    /// <summary>For every symbol with listed options.</summary>
    Always,

    /// <summary>Never: underlying figures only (one line per symbol).</summary>
    Never,
}

/// <summary>How <see cref="OptionsFlowService"/> collects option data. Every property has a documented default.</summary>
public sealed record OptionsFlowServiceOptions
{
    /// <summary>Signal thresholds. Default: the original's (see <see cref="OptionsFlowOptions"/>).</summary>
    public OptionsFlowOptions Signals { get; init; } = new();

    /// <summary>When to drill down to single contracts. Default <see cref="FlowDrillDown.Flagged"/>.</summary>
    public FlowDrillDown DrillDown { get; init; } = FlowDrillDown.Flagged;

    /// <summary>Nearest expirations drilled into. Default 2.</summary>
    public int Expirations { get; init; } = 2;

    /// <summary>Strikes within this many percent of the spot price. Default 15.</summary>
    public double StrikeRangePct { get; init; } = 15;

    /// <summary>
    /// At most this many strikes per expiration, the nearest to spot (a $1-strike chain on a $600 ETF has 180 strikes
    /// in ±15%). Default 10, so a drill-down is at most 2 × 10 × 2 = 40 contracts.
    /// </summary>
    public int MaxStrikesPerExpiry { get; init; } = 10;

    /// <summary>
    /// Market-data lines this service holds at once, over all symbols scanned in parallel; more requests wait their
    /// turn. Default null: the client's reserved on-demand lines (10 by default).
    /// </summary>
    public int? MaxLines { get; init; }

    /// <summary>How long the underlying's option ticks (100, 101, 104, 105, 106) are awaited. Default 5 s.</summary>
    public TimeSpan UnderlyingWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one contract's level 1, open interest and model greeks are awaited. Default 3 s.</summary>
    public TimeSpan ContractWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Upper bound for one symbol, drill-down included; what arrived by then is reported. Default 60 s.</summary>
    public TimeSpan SymbolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Continuously compounded risk-free rate for our own greeks. Default 0.045.</summary>
    public double RiskFreeRate { get; init; } = 0.045;

    /// <summary>Continuous dividend yield for our own greeks. Default 0.</summary>
    public double DividendYield { get; init; }

    /// <summary>Symbols scanned side by side by <see cref="OptionsFlowService.ScanManyAsync"/>. Default 4.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        Check(Expirations is >= 1 and <= 12, $"Expirations must be 1 to 12 (got {Expirations}).");
        Check(StrikeRangePct is > 0 and <= 100, $"StrikeRangePct must be above 0 and at most 100 (got {StrikeRangePct}).");
        Check(MaxStrikesPerExpiry is >= 1 and <= 100, $"MaxStrikesPerExpiry must be 1 to 100 (got {MaxStrikesPerExpiry}).");
        Check(MaxLines is null or >= 1, $"MaxLines must be at least 1 (got {MaxLines}).");
        Check(UnderlyingWait > TimeSpan.Zero && ContractWait > TimeSpan.Zero && SymbolTimeout > TimeSpan.Zero, "waits and timeouts must be positive.");
        Check(double.IsFinite(RiskFreeRate) && Math.Abs(RiskFreeRate) < 1, $"RiskFreeRate must be a finite annual rate between -1 and 1 (got {RiskFreeRate}).");
        Check(double.IsFinite(DividendYield) && Math.Abs(DividendYield) < 1, $"DividendYield must be a finite annual yield between -1 and 1 (got {DividendYield}).");
        Check(Parallelism is >= 1 and <= 64, $"Parallelism must be 1 to 64 (got {Parallelism}).");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException("Options flow: " + message);
        }
    }
}
