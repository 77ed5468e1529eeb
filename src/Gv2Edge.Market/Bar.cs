namespace Gv2Edge.Market;

/// <summary>One OHLCV bar.</summary>
/// <param name="Time">Start of the bar (an instant; show it in exchange time with <see cref="ExchangeTime"/>).</param>
/// <param name="Open">First trade price.</param>
/// <param name="High">Highest trade price.</param>
/// <param name="Low">Lowest trade price.</param>
/// <param name="Close">Last trade price.</param>
/// <param name="Volume">Volume traded, in the units the source reports.</param>
/// <param name="Vwap">Volume-weighted average price, null when the source gives none.</param>
/// <param name="Count">Number of trades, null when the source gives none.</param>
public sealed record Bar(
    DateTimeOffset Time,
    double Open,
    double High,
    double Low,
    double Close,
    decimal Volume,
    double? Vwap = null,
    int? Count = null);
