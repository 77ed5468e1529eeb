namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Negotiated server versions that gate fields (IBKR's MIN_SERVER_VER_* numbers). The negotiated version is the
/// single source of truth for both directions.
/// </summary>
public static class ServerVersions
{
    /// <summary>Lowest version our client accepts (IB no longer supports older gateways).</summary>
    public const int MinSupported = 157;

    /// <summary>Highest version we speak: the last all-text generation (IBKR API 10.30).</summary>
    public const int MaxSupported = 187;

    public const int HistoricalData = 24;
    public const int GenericTickList = 31;
    public const int CurrentTime = 33;
    public const int SnapshotMktData = 35;
    public const int ContractConId = 37;
    public const int DeltaNeutral = 40;
    public const int ExecutionDataChain = 42;
    public const int SecIdType = 45;
    public const int ReqMarketDataType = 55;
    public const int AcctSummary = 67;
    public const int TradingClass = 68;
    public const int Linking = 70;
    public const int OptionalCapabilities = 72;
    public const int PrimaryExch = 75;
    public const int ModelsSupport = 103;
    public const int SecDefOptParamsReq = 104;
    public const int MdSizeMultiplier = 110;
    public const int PastLimit = 109;
    public const int SmartComponents = 114;
    public const int ReqHeadTimestamp = 118;
    public const int AggGroup = 121;
    public const int UnderlyingInfo = 122;
    public const int CancelHeadTimestamp = 123;
    public const int SyntRealtimeBars = 124;
    public const int MarketRules = 126;
    public const int PreOpenBidAsk = 132;
    public const int RealExpirationDate = 134;
    public const int TickByTick = 137;
    public const int TickByTickIgnoreSize = 140;
    public const int ScannerGenericOpts = 143;
    public const int CompletedOrders = 150;
    public const int StockType = 152;
    public const int EncodeMsgAscii7 = 153;
    public const int PriceBasedVolatility = 156;
    public const int ReplaceFaEnd = 157;
    public const int Duration = 158;
    public const int MarketDataInShares = 159;
    public const int PostToAts = 160;
    public const int WshCalendar = 161;
    public const int AutoCancelParent = 162;
    public const int FractionalSizeSupport = 163;
    public const int SizeRules = 164;
    public const int HistoricalSchedule = 165;
    public const int AdvancedOrderReject = 166;
    public const int UserInfo = 167;
    public const int CryptoAggregatedTrades = 168;
    public const int ManualOrderTime = 169;
    public const int PegbestPegmidOffsets = 170;
    public const int WshEventDataFilters = 171;
    public const int IpoPrices = 172;
    public const int WshEventDataFiltersDate = 173;
    public const int InstrumentTimezone = 174;
    public const int HmdsMarketDataInShares = 175;
    public const int BondIssuerId = 176;
    public const int FaProfileDesupport = 177;
    public const int PendingPriceRevision = 178;
    public const int FundDataFields = 179;
    public const int ManualOrderTimeExerciseOptions = 180;
    public const int OpenOrderAdStrategy = 181;
    public const int LastTradeDate = 182;
    public const int CustomerAccount = 183;
    public const int ProfessionalCustomer = 184;
    public const int BondAccruedInterest = 185;
    public const int IneligibilityReasons = 186;
    public const int RfqFields = 187;
}
