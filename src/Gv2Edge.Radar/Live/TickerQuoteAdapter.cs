using Gv2Edge.Radar.State;
using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Radar.Live;

/// <summary>
/// Maps the client's level-1 ticker (what IB last said) to the streaming engine's input. The only place where the
/// engine meets the client's types; no allocation (both are structs).
/// </summary>
public static class TickerQuoteAdapter
{
    /// <summary>The engine's input for <paramref name="s"/> as seen at <paramref name="now"/>.</summary>
    public static QuoteTick ToQuoteTick(in TickerSnapshot s, DateTimeOffset now) => new()
    {
        Time = now,
        Bid = Price(s.Bid),
        Ask = Price(s.Ask),
        Last = Price(s.Last),
        BidSize = Size(s.BidSize),
        AskSize = Size(s.AskSize),
        CumulativeVolume = Size(s.Volume),
        DayHigh = Price(s.High),
        DayLow = Price(s.Low),
        PrevClose = Price(s.PreviousClose),
        Open = Price(s.Open),
        Vwap = Price(s.Vwap),
        Halted = double.IsNaN(s.Halted) ? -1 : (int)s.Halted,
        Quality = ToQuality(s.MarketDataType),
    };

    /// <summary>The data-quality word of a market data type.</summary>
    public static DataQuality ToQuality(MarketDataType type) => type switch
    {
        MarketDataType.Frozen => DataQuality.Frozen,
        MarketDataType.Delayed => DataQuality.Delayed,
        MarketDataType.DelayedFrozen => DataQuality.DelayedFrozen,
        _ => DataQuality.Live,
    };

    // IB sends -1 for "no data currently available" (market closed); the engine wants NaN for unknown.
    private static double Price(double p) => p > 0 && double.IsFinite(p) ? p : double.NaN;

    private static double Size(decimal? size) => size is { } v && v >= 0 ? (double)v : double.NaN;
}
