namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>IB's error and information codes the simulator sends, with IB's wording.</summary>
internal static class IbError
{
    public const int MaxRate = 100;
    public const int MaxTickers = 101;
    public const int DuplicateTickerId = 102;
    public const int HistoricalService = 162;
    public const int NoSecurityDefinition = 200;
    public const int CantFindTickerId = 300;
    public const int ServerErrorValidating = 321;
    public const int ServerErrorProcessing = 322;
    public const int ClientIdInUse = 326;
    public const int NotSubscribed = 354;
    public const int SnapshotGenericTicks = 414;
    public const int ConnectivityLost = 1100;
    public const int RestoredDataLost = 1101;
    public const int RestoredDataMaintained = 1102;
    public const int FarmBroken = 2103;
    public const int FarmOk = 2104;
    public const int HmdsOk = 2106;
    public const int SecDefOk = 2158;
    public const int NeedsSubscriptionDelayedAvailable = 10089;
    public const int DisplayingDelayed = 10167;
    public const int DelayedNotEnabled = 10168;
    public const int CompetingSession = 10197;
    public const int MaxTickByTick = 10190;

    public static string MaxRateText(int received) =>
        $"Max rate of messages per second has been exceeded:max={RateLimiter.MaxPerSecond} rec={received} (1)";

    public const string MaxTickersText = "Max number of tickers has been reached";
    public const string DuplicateTickerIdText = "Duplicate ticker id";
    public const string PacingText = "Historical Market Data Service error message:Historical data request pacing violation";
    public const string NoDataText = "Historical Market Data Service error message:HMDS query returned no data: ";
    public const string HistoryCancelledText = "Historical Market Data Service error message:API historical data query cancelled: ";
    public const string NoSecurityText = "No security definition has been found for the request";
    public const string ClientIdInUseText = "Unable to connect as the client id is already in use. Retry with a unique client id.";
    public const string NotSubscribedText = "Requested market data is not subscribed.";
    public const string ConnectivityLostText = "Connectivity between IB and Trader Workstation has been lost.";
    public const string RestoredDataLostText = "Connectivity between IB and Trader Workstation has been restored - data lost.";
    public const string RestoredDataMaintainedText = "Connectivity between IB and Trader Workstation has been restored - data maintained.";
    public const string FarmBrokenText = "Market data farm connection is broken:usfarm";
    public const string FarmOkText = "Market data farm connection is OK:usfarm";
    public const string HmdsOkText = "HMDS data farm connection is OK:ushmds";
    public const string SecDefOkText = "Sec-def data farm connection is OK:secdefnj";
    public const string DisplayingDelayedText = "Requested market data is not subscribed. Displaying delayed market data.";
    public const string DelayedNotEnabledText = "Requested market data is not subscribed. Delayed market data is not enabled.";
    public const string MaxTickByTickText = "Max number of tick-by-tick requests has been reached.";
    public const string CompetingSessionText = "No market data during competing live session";
    public const string ScannerLimitText = "Error processing request.-'bW' : cause - Only 10 simultaneous API scanner subscriptions are allowed.";
    public const string SnapshotGenericText = "Snapshot market data subscription is not applicable to generic ticks";

    public static string NeedsSubscriptionText(string symbol, string exchange) =>
        "Requested market data requires additional subscription for API. See link in 'Market Data Connections' dialog for more details.Delayed market data is available."
        + $"{symbol} {exchange}/TOP/ALL";

    /// <summary>IB names the NASDAQ market ISLAND in these messages ("No market data permissions for ISLAND STK").</summary>
    public static string NoHistoricalPermissionText(string primaryExchange) =>
        "Historical Market Data Service error message:No market data permissions for "
        + (primaryExchange == "NASDAQ" ? "ISLAND" : primaryExchange) + " STK";

    public static string CantFindTickerText(int id) => $"Can't find EId with ticker Id:{id}";
}
