namespace Gv2Edge.Radar.State;

/// <summary>
/// The engine's input: the whole level-1 picture of one symbol right after an update from the gateway (or a
/// snapshot in fallback mode). Prices and sizes are NaN when unknown; volumes are in shares (the adapter
/// normalises IB's lots). The adapter from the client's ticker fills it; the engine never sees the client.
/// </summary>
public readonly record struct QuoteTick
{
    /// <summary>When the update arrived (the engine's clock, not the exchange's).</summary>
    public required DateTimeOffset Time { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }

    /// <summary>Last trade price (NaN before the first print).</summary>
    public double Last { get; init; }

    public double BidSize { get; init; }

    public double AskSize { get; init; }

    /// <summary>The day's cumulative volume as the gateway reports it (tick 8), in shares; NaN unknown.</summary>
    public double CumulativeVolume { get; init; }

    /// <summary>Day high (tick 6); NaN unknown.</summary>
    public double DayHigh { get; init; }

    /// <summary>Day low (tick 7); NaN unknown.</summary>
    public double DayLow { get; init; }

    /// <summary>Previous session's close (tick 9); NaN unknown.</summary>
    public double PrevClose { get; init; }

    /// <summary>Today's open (tick 14); NaN unknown.</summary>
    public double Open { get; init; }

    /// <summary>VWAP (RTVolume, generic tick 233); NaN unknown.</summary>
    public double Vwap { get; init; }

    /// <summary>Tick 49: 0 trading, 1 general halt, 2 volatility halt, -1 unknown (default).</summary>
    public int Halted { get; init; }

    /// <summary>Live, frozen, delayed or delayed-frozen (default live).</summary>
    public DataQuality Quality { get; init; }

    /// <summary>A tick with every value unknown, to be filled with <c>with</c>.</summary>
    public static QuoteTick Empty(DateTimeOffset time) => new()
    {
        Time = time,
        Bid = double.NaN,
        Ask = double.NaN,
        Last = double.NaN,
        BidSize = double.NaN,
        AskSize = double.NaN,
        CumulativeVolume = double.NaN,
        DayHigh = double.NaN,
        DayLow = double.NaN,
        PrevClose = double.NaN,
        Open = double.NaN,
        Vwap = double.NaN,
        Halted = -1,
        Quality = DataQuality.Live,
    };
}
