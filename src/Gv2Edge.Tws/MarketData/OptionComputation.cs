namespace Gv2Edge.Tws.MarketData;

/// <summary>One option computation from IB (bid, ask, last or model); null fields were not computed.</summary>
public readonly record struct OptionComputation(
    double? ImpliedVol,
    double? Delta,
    double? OptPrice,
    double? PvDividend,
    double? Gamma,
    double? Vega,
    double? Theta,
    double? UndPrice)
{
    /// <summary>True once IB has sent this computation at least once.</summary>
    public bool HasValue => ImpliedVol.HasValue || Delta.HasValue || OptPrice.HasValue || UndPrice.HasValue;
}
