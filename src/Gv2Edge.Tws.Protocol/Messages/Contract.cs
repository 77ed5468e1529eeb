namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// An instrument as IB describes it in requests. Empty strings mean "not given"; every string defaults to "".
/// </summary>
public sealed record Contract
{
    /// <summary>IB's contract id; 0 (default) when unknown.</summary>
    public int ConId { get; init; }

    /// <summary>Ticker symbol, e.g. "AAPL".</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Security type: "STK", "OPT", "FUT", "IND", "BAG"…</summary>
    public string SecType { get; init; } = "";

    /// <summary>Expiry (yyyyMMdd) or contract month (yyyyMM); "" for stocks.</summary>
    public string LastTradeDateOrContractMonth { get; init; } = "";

    /// <summary>
    /// Option strike; null (default) = unset. On the wire unset goes out as "0" (IBKR's official client writes its
    /// default strike of 0 that way), and "0", "" and Double.MaxValue read back as null.
    /// </summary>
    public double? Strike { get; init; }

    /// <summary>"C" / "P" (or "CALL" / "PUT") for options; "" otherwise.</summary>
    public string Right { get; init; } = "";

    /// <summary>Contract multiplier as IB spells it, e.g. "100".</summary>
    public string Multiplier { get; init; } = "";

    /// <summary>Routing exchange, e.g. "SMART".</summary>
    public string Exchange { get; init; } = "";

    /// <summary>Listing exchange, e.g. "NASDAQ" (IB's primaryExch).</summary>
    public string PrimaryExchange { get; init; } = "";

    /// <summary>Currency, e.g. "USD".</summary>
    public string Currency { get; init; } = "";

    /// <summary>IB's local symbol (e.g. an OCC option symbol).</summary>
    public string LocalSymbol { get; init; } = "";

    /// <summary>Trading class, e.g. "AAPL" or "NMS".</summary>
    public string TradingClass { get; init; } = "";

    /// <summary>Whether expired contracts are included (contract details, history); default false.</summary>
    public bool IncludeExpired { get; init; }

    /// <summary>Security id type ("ISIN", "CUSIP", "FIGI"…); "" when none.</summary>
    public string SecIdType { get; init; } = "";

    /// <summary>Security id matching <see cref="SecIdType"/>.</summary>
    public string SecId { get; init; } = "";

    /// <summary>Bond issuer id (server version ≥ 176).</summary>
    public string IssuerId { get; init; } = "";
}
