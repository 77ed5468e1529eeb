using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>Generic tick ids the simulator serves (reqMktData's genericTickList).</summary>
[Flags]
internal enum GenericTicks
{
    None = 0,
    OptionVolume = 1 << 0,          // 100 → 29, 30
    OptionOpenInterest = 1 << 1,    // 101 → 27, 28
    HistoricalVolatility = 1 << 2,  // 104 → 23
    AverageOptionVolume = 1 << 3,   // 105 → 87
    ImpliedVolatility = 1 << 4,     // 106 → 24
    MiscStats = 1 << 5,             // 165 → 15–21
    RtVolume = 1 << 6,              // 233 → 48
    Shortable = 1 << 7,             // 236 → 46, 89
    TradeCount = 1 << 8,            // 293 → 54
    TradeRate = 1 << 9,             // 294 → 55
    VolumeRate = 1 << 10,           // 295 → 56
    LastRthTrade = 1 << 11,         // 318 → 57
    RtHistoricalVolatility = 1 << 12, // 411 → 58
    Dividends = 1 << 13,            // 456 → 59
}

/// <summary>One reqMktData line: what was asked and what was last sent (only changes go out).</summary>
internal sealed class MarketDataSubscription
{
    public MarketDataSubscription(int reqId, StockInfo stock, OptionContract? option, GenericTicks generic, bool snapshot, int dataType)
    {
        ReqId = reqId;
        Stock = stock;
        Option = option;
        Generic = generic;
        Snapshot = snapshot;
        DataType = dataType;
    }

    public int ReqId { get; }

    /// <summary>The stock, or the option's underlying.</summary>
    public StockInfo Stock { get; }

    public OptionContract? Option { get; }

    public GenericTicks Generic { get; }

    public bool Snapshot { get; }

    /// <summary>1 live, 2 frozen, 3 delayed, 4 delayed-frozen (what this line delivers).</summary>
    public int DataType { get; }

    public bool Delayed => DataType >= 3;

    public bool Frozen => DataType is 2 or 4;

    /// <summary>A fault silenced it: no more updates, no error.</summary>
    public bool Silent { get; set; }

    /// <summary>Driving-clock timestamp of the next allowed update (250 ms stocks, 100 ms options).</summary>
    public long NextDue { get; set; }

    public bool StaticSent { get; set; }

    /// <summary>Load mode: this line's frame cycle (null outside load mode).</summary>
    public Load.LoadCycle? Load { get; set; }

    /// <summary>Load mode: the next frame of <see cref="Load"/>.</summary>
    public int LoadIndex { get; set; }

    /// <summary>Load mode: the cumulative volume the volume frames report.</summary>
    public long LoadVolume { get; set; }

    // Last values sent (NaN / -1: never sent).
    public double Bid = double.NaN;
    public double Ask = double.NaN;
    public long BidSize = -1;
    public long AskSize = -1;
    public long LastTradeMs = -1;
    public double Last = double.NaN;
    public long Volume = -1;
    public double High = double.NaN;
    public double Low = double.NaN;
    public double Close = double.NaN;
    public double Open = double.NaN;
    public int Halted = -2;
    public double LastRth = double.NaN;
    public long CallVolume = -1;
    public long PutVolume = -1;
    public long TradeCount = -1;
    public double Underlying = double.NaN;
    public long OpenInterest = -1;
}
