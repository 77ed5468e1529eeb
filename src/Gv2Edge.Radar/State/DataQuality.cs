namespace Gv2Edge.Radar.State;

/// <summary>The CLI contract's words for data quality.</summary>
public static class MarketWords
{
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
