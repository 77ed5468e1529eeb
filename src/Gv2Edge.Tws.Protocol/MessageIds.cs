namespace Gv2Edge.Tws.Protocol;

/// <summary>
/// Ids of the messages a client sends. Read-only by construction: the order ids (placeOrder 3, cancelOrder 4,
/// reqGlobalCancel 58) are deliberately absent and no encoder for them exists anywhere in this codebase.
/// </summary>
public static class OutgoingMessageId
{
    public const int ReqMktData = 1;
    public const int CancelMktData = 2;
    public const int ReqOpenOrders = 5;
    public const int ReqAccountUpdates = 6;
    public const int ReqExecutions = 7;
    public const int ReqIds = 8;
    public const int ReqContractDetails = 9;
    public const int ReqAutoOpenOrders = 15;
    public const int ReqAllOpenOrders = 16;
    public const int ReqManagedAccts = 17;
    public const int ReqHistoricalData = 20;
    public const int ReqScannerSubscription = 22;
    public const int CancelScannerSubscription = 23;
    public const int ReqScannerParameters = 24;
    public const int CancelHistoricalData = 25;
    public const int ReqCurrentTime = 49;
    public const int ReqMarketDataType = 59;
    public const int ReqPositions = 61;
    public const int ReqAccountSummary = 62;
    public const int CancelAccountSummary = 63;
    public const int CancelPositions = 64;
    public const int StartApi = 71;
    public const int ReqAccountUpdatesMulti = 76;
    public const int ReqSecDefOptParams = 78;
    public const int ReqHeadTimestamp = 87;
    public const int CancelHeadTimestamp = 90;
    public const int ReqTickByTickData = 97;
    public const int CancelTickByTickData = 98;
    public const int ReqCompletedOrders = 99;
}

/// <summary>Ids of the messages a server sends.</summary>
public static class IncomingMessageId
{
    public const int TickPrice = 1;
    public const int TickSize = 2;
    public const int ErrMsg = 4;
    public const int AccountValue = 6;
    public const int PortfolioValue = 7;
    public const int AccountUpdateTime = 8;
    public const int NextValidId = 9;
    public const int ContractData = 10;
    public const int ManagedAccounts = 15;
    public const int HistoricalData = 17;
    public const int ScannerData = 20;
    public const int TickOptionComputation = 21;
    public const int TickGeneric = 45;
    public const int TickString = 46;
    public const int CurrentTime = 49;
    public const int ContractDataEnd = 52;
    public const int OpenOrderEnd = 53;
    public const int AccountDownloadEnd = 54;
    public const int ExecutionDataEnd = 55;
    public const int TickSnapshotEnd = 57;
    public const int MarketDataType = 58;
    public const int Position = 61;
    public const int PositionEnd = 62;
    public const int AccountSummaryEnd = 64;
    public const int AccountUpdateMultiEnd = 74;
    public const int SecurityDefinitionOptionParameter = 75;
    public const int SecurityDefinitionOptionParameterEnd = 76;
    public const int TickReqParams = 81;
    public const int HeadTimestamp = 88;
    public const int HistoricalDataUpdate = 90;
    public const int TickByTick = 99;
    public const int CompletedOrdersEnd = 102;
}
