namespace Gv2Edge.Tws.MarketData;

/// <summary>IB's market data types (reqMarketDataType); the numbers are IB's.</summary>
public enum MarketDataType
{
    /// <summary>Not said yet.</summary>
    Unknown = 0,

    /// <summary>Real-time data (needs a live subscription).</summary>
    Live = 1,

    /// <summary>The last live quote recorded at the close.</summary>
    Frozen = 2,

    /// <summary>Delayed 15–20 minutes (free, no subscription needed).</summary>
    Delayed = 3,

    /// <summary>The last delayed quote recorded at the close.</summary>
    DelayedFrozen = 4,
}
