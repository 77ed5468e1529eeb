namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// A consistent copy of a <see cref="Ticker"/> at one instant. Prices are NaN until IB sends them; sizes and
/// volumes are in shares (normalised from lots below server version 159).
/// </summary>
public readonly record struct TickerSnapshot
{
    public double Bid { get; init; }
    public double Ask { get; init; }
    public double Last { get; init; }
    public decimal? BidSize { get; init; }
    public decimal? AskSize { get; init; }
    public decimal? LastSize { get; init; }
    public decimal? Volume { get; init; }

    /// <summary>IB's 90-day average daily volume in shares (tick 21, generic tick 165); null until sent.</summary>
    public decimal? AverageVolume { get; init; }
    public double High { get; init; }
    public double Low { get; init; }
    public double Open { get; init; }

    /// <summary>IB's "close" tick: the previous session's close.</summary>
    public double PreviousClose { get; init; }

    /// <summary>Volume-weighted average price from RTVolume (generic tick 233).</summary>
    public double Vwap { get; init; }

    /// <summary>Time of the last trade (RTVolume or the last-timestamp tick); null until known.</summary>
    public DateTimeOffset? LastTradeTime { get; init; }

    /// <summary>Halted tick (49/90): -1 unknown, 0 not halted, 1 general halt, 2 volatility halt; NaN until sent.</summary>
    public double Halted { get; init; }

    public decimal? OptionCallVolume { get; init; }
    public decimal? OptionPutVolume { get; init; }
    public decimal? OptionCallOpenInterest { get; init; }
    public decimal? OptionPutOpenInterest { get; init; }

    /// <summary>Average option volume (generic tick 105).</summary>
    public decimal? AverageOptionVolume { get; init; }

    /// <summary>IB's 30-day implied volatility of the underlying (generic tick 106).</summary>
    public double ImpliedVolatility { get; init; }

    /// <summary>30-day historical volatility (generic tick 104).</summary>
    public double HistoricalVolatility { get; init; }

    public OptionComputation BidGreeks { get; init; }
    public OptionComputation AskGreeks { get; init; }
    public OptionComputation LastGreeks { get; init; }
    public OptionComputation ModelGreeks { get; init; }

    /// <summary>Lowest price of the last 13 weeks (tick 15, generic tick 165); NaN until sent.</summary>
    public double Low13Week { get; init; }

    /// <summary>Highest price of the last 13 weeks (tick 16, generic tick 165); NaN until sent.</summary>
    public double High13Week { get; init; }

    /// <summary>Lowest price of the last 26 weeks (tick 17, generic tick 165); NaN until sent.</summary>
    public double Low26Week { get; init; }

    /// <summary>Highest price of the last 26 weeks (tick 18, generic tick 165); NaN until sent.</summary>
    public double High26Week { get; init; }

    /// <summary>Lowest price of the last 52 weeks (tick 19, generic tick 165); NaN until sent.</summary>
    public double Low52Week { get; init; }

    /// <summary>Highest price of the last 52 weeks (tick 20, generic tick 165); NaN until sent.</summary>
    public double High52Week { get; init; }

    /// <summary>Live, frozen, delayed or delayed-frozen: label every value downstream with it.</summary>
    public MarketDataType MarketDataType { get; init; }

    /// <summary>When the ticker last changed (client clock); null before the first tick.</summary>
    public DateTimeOffset? LastUpdate { get; init; }

    /// <summary>Ticks applied since the subscription started.</summary>
    public long UpdateCount { get; init; }

    /// <summary>True while the data is known or suspected to be old (connectivity lost, farm down, silence).</summary>
    public bool IsStale { get; init; }

    /// <summary>True when the values are delayed (types 3/4), so a screen can say so.</summary>
    public bool IsDelayed => MarketDataType is MarketDataType.Delayed or MarketDataType.DelayedFrozen;
}
