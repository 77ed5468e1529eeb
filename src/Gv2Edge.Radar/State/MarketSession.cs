namespace Gv2Edge.Radar.State;

/// <summary>US equity trading session of a moment, in exchange time (America/New_York).</summary>
public enum MarketSession : byte
{
    /// <summary>No trading: overnight, weekend, holiday.</summary>
    Closed = 0,

    /// <summary>Pre-market, 04:00–09:30 ET.</summary>
    Pre = 1,

    /// <summary>Regular trading hours, 09:30–16:00 ET (13:00 on half-days).</summary>
    Rth = 2,

    /// <summary>After hours, until 20:00 ET (17:00 on half-days).</summary>
    Post = 3,
}

/// <summary>The CLI contract's words for sessions and data quality.</summary>
public static class MarketWords
{
    /// <summary>"PRE", "RTH", "POST" or "CLOSED".</summary>
    public static string ToWord(this MarketSession session) => session switch
    {
        MarketSession.Pre => "PRE",
        MarketSession.Rth => "RTH",
        MarketSession.Post => "POST",
        _ => "CLOSED",
    };

    /// <summary>"live", "frozen", "delayed" or "delayed-frozen".</summary>
    public static string ToWord(this DataQuality quality) => quality switch
    {
        DataQuality.Frozen => "frozen",
        DataQuality.Delayed => "delayed",
        DataQuality.DelayedFrozen => "delayed-frozen",
        _ => "live",
    };
}

/// <summary>IB market data type of a quote (reqMarketDataType 1–4).</summary>
public enum DataQuality : byte
{
    /// <summary>Real-time (type 1).</summary>
    Live = 1,

    /// <summary>Last real-time value kept while the market is closed (type 2).</summary>
    Frozen = 2,

    /// <summary>Delayed 15–20 minutes (type 3).</summary>
    Delayed = 3,

    /// <summary>Last delayed value while the market is closed (type 4).</summary>
    DelayedFrozen = 4,
}
