namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>
/// The payload of <see cref="ContractData"/>. Strings default to ""; sizes are null when unset. Fields exist only
/// from the server version noted; below it they keep their defaults.
/// </summary>
public sealed record ContractDetails
{
    /// <summary>
    /// Symbol, secType, lastTradeDateOrContractMonth (date part only), strike, right, exchange, currency,
    /// localSymbol, tradingClass, conId, multiplier, primaryExchange.
    /// </summary>
    public Contract Contract { get; init; } = new();

    /// <summary>Time part of the wire's lastTradeDateOrContractMonth ("20240119 16:00" → "16:00").</summary>
    public string LastTradeTime { get; init; } = "";

    /// <summary>Last trade date (server version ≥ 182).</summary>
    public string LastTradeDate { get; init; } = "";

    public string MarketName { get; init; } = "";

    public double MinTick { get; init; }

    /// <summary>Obsolete market-data size multiplier, only on the wire for server versions 110..163.</summary>
    public int MdSizeMultiplier { get; init; }

    public string OrderTypes { get; init; } = "";

    public string ValidExchanges { get; init; } = "";

    public int PriceMagnifier { get; init; }

    public int UnderConId { get; init; }

    /// <summary>Company or instrument name (sent \uXXXX-escaped, un-escaped here).</summary>
    public string LongName { get; init; } = "";

    public string ContractMonth { get; init; } = "";

    public string Industry { get; init; } = "";

    public string Category { get; init; } = "";

    public string Subcategory { get; init; } = "";

    public string TimeZoneId { get; init; } = "";

    /// <summary>Trading sessions, <c>yyyyMMdd:HHmm-yyyyMMdd:HHmm;…</c> with <c>yyyyMMdd:CLOSED</c> days.</summary>
    public string TradingHours { get; init; } = "";

    /// <summary>Liquid (regular) sessions, same format as <see cref="TradingHours"/>.</summary>
    public string LiquidHours { get; init; } = "";

    public string EvRule { get; init; } = "";

    public double EvMultiplier { get; init; }

    /// <summary>Security ids (tag = type, value = id).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SecIdList { get; init; } = [];

    public int AggGroup { get; init; }

    public string UnderSymbol { get; init; } = "";

    public string UnderSecType { get; init; } = "";

    public string MarketRuleIds { get; init; } = "";

    public string RealExpirationDate { get; init; } = "";

    /// <summary>Stock type, e.g. "COMMON", "ETF", "ADR".</summary>
    public string StockType { get; init; } = "";

    /// <summary>Obsolete, only on the wire at server version 163.</summary>
    public decimal? SizeMinTick { get; init; }

    /// <summary>Server version ≥ 164.</summary>
    public decimal? MinSize { get; init; }

    /// <summary>Server version ≥ 164.</summary>
    public decimal? SizeIncrement { get; init; }

    /// <summary>Server version ≥ 164.</summary>
    public decimal? SuggestedSizeIncrement { get; init; }

    /// <summary>Fund fields: only for secType "FUND" at server version ≥ 179, null otherwise.</summary>
    public FundData? Fund { get; init; }

    /// <summary>Server version ≥ 186.</summary>
    public IReadOnlyList<IneligibilityReason> IneligibilityReasons { get; init; } = [];
}

/// <summary>Why a contract may not be traded (server version ≥ 186).</summary>
public sealed record IneligibilityReason(string Id, string Description);

/// <summary>Mutual-fund fields of <see cref="ContractDetails"/> (server version ≥ 179, secType "FUND"), in wire order.</summary>
public sealed record FundData
{
    public string FundName { get; init; } = "";

    public string FundFamily { get; init; } = "";

    public string FundType { get; init; } = "";

    public string FundFrontLoad { get; init; } = "";

    public string FundBackLoad { get; init; } = "";

    public string FundBackLoadTimeInterval { get; init; } = "";

    public string FundManagementFee { get; init; } = "";

    public bool FundClosed { get; init; }

    public bool FundClosedForNewInvestors { get; init; }

    public bool FundClosedForNewMoney { get; init; }

    public string FundNotifyAmount { get; init; } = "";

    public string FundMinimumInitialPurchase { get; init; } = "";

    public string FundSubsequentMinimumPurchase { get; init; } = "";

    public string FundBlueSkyStates { get; init; } = "";

    public string FundBlueSkyTerritories { get; init; } = "";

    /// <summary>IB's one-letter code, as sent.</summary>
    public string FundDistributionPolicyIndicator { get; init; } = "";

    /// <summary>IB's asset-type code, as sent.</summary>
    public string FundAssetType { get; init; } = "";
}
