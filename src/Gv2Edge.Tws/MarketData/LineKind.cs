namespace Gv2Edge.Tws.MarketData;

/// <summary>What a market-data line is held for.</summary>
public enum LineKind
{
    /// <summary>A long-lived subscription (streaming radar symbols); cannot take the reserve.</summary>
    Streaming,

    /// <summary>A short on-demand request (a quote, an options drill-down, a snapshot); may use the reserve.</summary>
    OnDemand,
}
