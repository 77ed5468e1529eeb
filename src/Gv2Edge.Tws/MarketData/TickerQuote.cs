namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// The level-1 part of a <see cref="Ticker"/> (prices, sizes, volume, day range, VWAP, halted, data type): what a
/// screen or the streaming engine reads on every update, without the option fields of <see cref="TickerSnapshot"/>.
/// The ticker keeps one of these and the socket reader updates its fields in place; <see cref="Ticker.ReadQuote"/>
/// hands you a consistent copy. Prices are NaN until IB sends them; sizes and volumes are in shares.
/// </summary>
public struct TickerQuote
{
    private long _lastTradeUnixMs;

    /// <summary>Best bid; NaN until sent.</summary>
    public double Bid { readonly get; internal set; }

    /// <summary>Best ask; NaN until sent.</summary>
    public double Ask { readonly get; internal set; }

    /// <summary>Last trade price; NaN until sent.</summary>
    public double Last { readonly get; internal set; }

    /// <summary>Size at the bid in shares; null until sent.</summary>
    public decimal? BidSize { readonly get; internal set; }

    /// <summary>Size at the ask in shares; null until sent.</summary>
    public decimal? AskSize { readonly get; internal set; }

    /// <summary>Size of the last trade in shares; null until sent.</summary>
    public decimal? LastSize { readonly get; internal set; }

    /// <summary>Day volume in shares; null until sent.</summary>
    public decimal? Volume { readonly get; internal set; }

    /// <summary>
    /// IB's average daily volume over 90 days (tick 21, generic tick 165), in shares; null until sent. IB sends it
    /// once per line, so it stays null on lines opened without 165.
    /// </summary>
    public decimal? AverageVolume { readonly get; internal set; }

    /// <summary>Day high; NaN until sent.</summary>
    public double High { readonly get; internal set; }

    /// <summary>Day low; NaN until sent.</summary>
    public double Low { readonly get; internal set; }

    /// <summary>Day open; NaN until sent.</summary>
    public double Open { readonly get; internal set; }

    /// <summary>IB's "close" tick: the previous session's close; NaN until sent.</summary>
    public double PreviousClose { readonly get; internal set; }

    /// <summary>Volume-weighted average price from RTVolume (generic tick 233); NaN until sent.</summary>
    public double Vwap { readonly get; internal set; }

    /// <summary>Halted tick (49/90): -1 unknown, 0 not halted, 1 general halt, 2 volatility halt; NaN until sent.</summary>
    public double Halted { readonly get; internal set; }

    /// <summary>Live, frozen, delayed or delayed-frozen: label every value downstream with it.</summary>
    public MarketDataType MarketDataType { readonly get; internal set; }

    /// <summary>Ticks applied since the subscription started.</summary>
    public long UpdateCount { readonly get; internal set; }

    /// <summary>True while the data is known or suspected to be old (connectivity lost, farm down, silence).</summary>
    public bool IsStale { readonly get; internal set; }

    /// <summary>Time of the last trade (RTVolume or the last-timestamp tick); null until known.</summary>
    public readonly DateTimeOffset? LastTradeTime
        => _lastTradeUnixMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(_lastTradeUnixMs);

    /// <summary>True when the values are delayed (types 3/4), so a screen can say so.</summary>
    public readonly bool IsDelayed => MarketDataType is MarketDataType.Delayed or MarketDataType.DelayedFrozen;

    /// <summary>True during a trading halt (halted tick 1 or 2): silence is then expected.</summary>
    public readonly bool IsHalted => Halted is 1 or 2;

    /// <summary>Kept as Unix milliseconds so a trade tick never builds a <see cref="DateTimeOffset"/>.</summary>
    internal long LastTradeUnixMs
    {
        readonly get => _lastTradeUnixMs;
        set => _lastTradeUnixMs = value;
    }

    internal static TickerQuote Empty => new()
    {
        Bid = double.NaN,
        Ask = double.NaN,
        Last = double.NaN,
        High = double.NaN,
        Low = double.NaN,
        Open = double.NaN,
        PreviousClose = double.NaN,
        Vwap = double.NaN,
        Halted = double.NaN,
    };
}
