namespace Gv2Edge.Tws.Errors;

/// <summary>
/// Every IB code our docs list (tws-protocol.md §6, plus 326) mapped to a severity and a plain-words hint.
/// Unknown codes fall back to IB's own split: 2100–2199 are warnings, everything else fails its request.
/// </summary>
public static class TwsErrorCodes
{
    public const int MaxMessageRate = 100;
    public const int MaxTickers = 101;
    public const int DuplicateTickerId = 102;
    public const int HistoricalDataService = 162;
    public const int HistoricalQueryMessage = 165;
    public const int ExpiredContract = 166;
    public const int NoSecurityDefinition = 200;
    public const int UnknownTickerId = 300;
    public const int ValidationError = 321;
    public const int ProcessingError = 322;
    public const int ClientIdInUse = 326;
    public const int NotSubscribed = 354;
    public const int SnapshotGenericTicks = 414;
    public const int InvalidRealTimeQuery = 420;
    public const int CouldNotConnect = 502;
    public const int TwsTooOld = 503;
    public const int NotConnected = 504;
    public const int UnsupportedVersion = 506;
    public const int BadMessageLength = 507;
    public const int ConnectivityLost = 1100;
    public const int ConnectivityRestoredDataLost = 1101;
    public const int ConnectivityRestoredDataMaintained = 1102;
    public const int SocketPortReset = 1300;
    public const int MarketDataFarmBroken = 2103;
    public const int MarketDataFarmOk = 2104;
    public const int HistoricalFarmBroken = 2105;
    public const int HistoricalFarmOk = 2106;
    public const int HistoricalFarmInactive = 2107;
    public const int MarketDataFarmInactive = 2108;
    public const int OrderWarning = 2109;
    public const int MarketDataFarmConnecting = 2119;
    public const int OrderWarning2137 = 2137;
    public const int SecDefFarmBroken = 2157;
    public const int SecDefFarmOk = 2158;
    public const int DelayedAvailable = 10089;
    public const int PartiallySubscribed = 10090;
    public const int PartialEntitlement = 10091;
    public const int DisplayingDelayed = 10167;
    public const int DelayedNotEnabled = 10168;
    public const int LiveUpdatesFailed = 10182;
    public const int DelayedNotEnabled2 = 10186;
    public const int TickByTickLimit = 10190;
    public const int CompetingSession = 10197;
    public const int BustEvent = 10225;

    /// <summary>Client-side code: the connection was lost while the request was pending.</summary>
    public const int ConnectionLost = -1001;

    /// <summary>Client-side code: the market-data line budget has no free line for this kind of request.</summary>
    public const int LineBudgetExhausted = -1002;

    /// <summary>Client-side code: the client was disposed while the request was pending.</summary>
    public const int ClientDisposed = -1003;

    /// <summary>Client-side code: the request did not complete in time.</summary>
    public const int RequestTimeout = -1004;

    private static readonly Dictionary<int, TwsErrorInfo> Table = Build();

    /// <summary>The meaning of <paramref name="code"/>; never null (unknown codes get a generic entry).</summary>
    public static TwsErrorInfo Lookup(int code)
    {
        if (Table.TryGetValue(code, out TwsErrorInfo? info))
        {
            return info;
        }

        return code is >= 2100 and < 2200
            ? new TwsErrorInfo(code, "Warning", TwsErrorSeverity.Warning, "IB sent a warning; the request continues.")
            : new TwsErrorInfo(code, "Unknown", TwsErrorSeverity.Error, "IB rejected the request; see IB's message text.");
    }

    /// <summary>True for codes that say something about market-data farm health (2103/2104/2108/2119).</summary>
    public static bool IsMarketDataFarmCode(int code) => code is MarketDataFarmBroken or MarketDataFarmOk
        or MarketDataFarmInactive or MarketDataFarmConnecting;

    /// <summary>The hint for a client id in use, naming the id to try instead.</summary>
    public static string ClientIdInUseHint(int clientId)
        => $"Client id {clientId} is in use by another application on this gateway; use another, e.g. {clientId + 1}.";

    /// <summary>All codes in the table (for tests and documentation).</summary>
    public static IReadOnlyCollection<int> KnownCodes => Table.Keys;

    private static Dictionary<int, TwsErrorInfo> Build()
    {
        const TwsErrorSeverity E = TwsErrorSeverity.Error;
        const TwsErrorSeverity W = TwsErrorSeverity.Warning;
        const TwsErrorSeverity I = TwsErrorSeverity.Info;
        TwsErrorInfo[] all =
        [
            new(MaxMessageRate, nameof(MaxMessageRate), E, "More than 50 messages per second reached the gateway; it may disconnect. Lower MessagesPerSecond or stop other API clients on this gateway."),
            new(MaxTickers, nameof(MaxTickers), E, "Your account's market-data lines are all in use; the line budget was lowered to what IB allows. Cancel some subscriptions or buy quote-booster packs."),
            new(DuplicateTickerId, nameof(DuplicateTickerId), E, "A request id was used twice; this is a client bug, please report it."),
            new(HistoricalDataService, nameof(HistoricalDataService), E, "IB's historical data service refused the query (pacing, no data, cancelled or a bar size that does not fit the duration); see IB's text."),
            new(HistoricalQueryMessage, nameof(HistoricalQueryMessage), I, "A note from IB's historical data service; nothing to do."),
            new(ExpiredContract, nameof(ExpiredContract), E, "Historical data for expired contracts is not available from IB."),
            new(NoSecurityDefinition, nameof(NoSecurityDefinition), E, "IB knows no contract matching this request; check the symbol, type, exchange and currency."),
            new(UnknownTickerId, nameof(UnknownTickerId), W, "IB no longer knows this request id (usually a cancel that crossed the data); harmless."),
            new(ValidationError, nameof(ValidationError), E, "IB found a parameter of this request invalid; see IB's text."),
            new(ProcessingError, nameof(ProcessingError), E, "IB failed to process this request; see IB's text."),
            new(ClientIdInUse, nameof(ClientIdInUse), E, "This client id is already connected to the gateway; use another client id."),
            new(NotSubscribed, nameof(NotSubscribed), E, "Your account has no market-data subscription for this instrument; subscribe in Client Portal or use delayed data (MarketDataType Delayed)."),
            new(SnapshotGenericTicks, nameof(SnapshotGenericTicks), E, "Snapshots cannot carry generic ticks; drop the generic tick list or use a streaming request."),
            new(InvalidRealTimeQuery, nameof(InvalidRealTimeQuery), E, "IB refused the real-time query (permissions or pacing); see IB's text."),
            new(CouldNotConnect, nameof(CouldNotConnect), E, "Could not connect to TWS / IB Gateway: check it runs, the API is enabled, the port and the trusted IPs. Retrying."),
            new(TwsTooOld, nameof(TwsTooOld), E, "TWS / IB Gateway is too old for this feature; update it."),
            new(NotConnected, nameof(NotConnected), E, "Not connected to TWS / IB Gateway; the client reconnects by itself."),
            new(UnsupportedVersion, nameof(UnsupportedVersion), E, "The gateway speaks an API version outside 157–187; update TWS / IB Gateway."),
            new(BadMessageLength, nameof(BadMessageLength), E, "A message of impossible length arrived; the connection was reset."),
            new(ConnectivityLost, nameof(ConnectivityLost), W, "The gateway lost its connection to IB; all data is stale until it is restored."),
            new(ConnectivityRestoredDataLost, nameof(ConnectivityRestoredDataLost), W, "The gateway reconnected to IB but dropped the subscriptions; they are being re-sent."),
            new(ConnectivityRestoredDataMaintained, nameof(ConnectivityRestoredDataMaintained), I, "The gateway reconnected to IB and kept the subscriptions."),
            new(SocketPortReset, nameof(SocketPortReset), W, "TWS reset its API socket port; the client reconnects."),
            new(MarketDataFarmBroken, nameof(MarketDataFarmBroken), W, "A market-data farm disconnected; its streams are marked stale until it is back."),
            new(MarketDataFarmOk, nameof(MarketDataFarmOk), I, "A market-data farm is connected; streams still silent are re-sent."),
            new(HistoricalFarmBroken, nameof(HistoricalFarmBroken), W, "The historical-data farm disconnected; history requests wait or fail until it is back."),
            new(HistoricalFarmOk, nameof(HistoricalFarmOk), I, "The historical-data farm is connected."),
            new(HistoricalFarmInactive, nameof(HistoricalFarmInactive), I, "The historical-data farm is idle and wakes up on the first request."),
            new(MarketDataFarmInactive, nameof(MarketDataFarmInactive), I, "A market-data farm is idle and wakes up on the first request."),
            new(OrderWarning, nameof(OrderWarning), I, "An order-related notice; this read-only client places no orders."),
            new(MarketDataFarmConnecting, nameof(MarketDataFarmConnecting), I, "A market-data farm is connecting."),
            new(OrderWarning2137, nameof(OrderWarning2137), I, "An order-related notice; this read-only client places no orders."),
            new(SecDefFarmBroken, nameof(SecDefFarmBroken), W, "The security-definition farm disconnected; contract lookups may fail until it is back."),
            new(SecDefFarmOk, nameof(SecDefFarmOk), I, "The security-definition farm is connected."),
            new(DelayedAvailable, nameof(DelayedAvailable), E, "No live data permission for this instrument; delayed data is available (set MarketDataType to Delayed)."),
            new(PartiallySubscribed, nameof(PartiallySubscribed), W, "Part of the requested data is not in your subscriptions; the other fields keep streaming."),
            new(PartialEntitlement, nameof(PartialEntitlement), W, "Part of the requested data needs another entitlement; the other fields keep streaming."),
            new(DisplayingDelayed, nameof(DisplayingDelayed), W, "No live subscription for this instrument; IB streams delayed data instead, labelled as delayed."),
            new(DelayedNotEnabled, nameof(DelayedNotEnabled), E, "No live subscription and delayed data is not enabled; set MarketDataType to Delayed or subscribe in Client Portal."),
            new(LiveUpdatesFailed, nameof(LiveUpdatesFailed), E, "Live bar updates stopped because the gateway disconnected; the request is re-sent after reconnection."),
            new(DelayedNotEnabled2, nameof(DelayedNotEnabled2), E, "No live subscription and delayed data is not enabled; set MarketDataType to Delayed or subscribe in Client Portal."),
            new(TickByTickLimit, nameof(TickByTickLimit), E, "Too many tick-by-tick subscriptions for your account; cancel some."),
            new(CompetingSession, nameof(CompetingSession), E, "Your live user is logged in elsewhere (mobile, web, another TWS); that session takes the market data. Log it out."),
            new(BustEvent, nameof(BustEvent), W, "IB deactivated a bar subscription after a trade bust; it is re-sent."),
            new(ConnectionLost, nameof(ConnectionLost), E, "The connection to the gateway was lost while this request was pending; try again once reconnected."),
            new(LineBudgetExhausted, nameof(LineBudgetExhausted), E, "No market-data line is free for this request; cancel a subscription or raise MaxLines if your account allows more."),
            new(ClientDisposed, nameof(ClientDisposed), E, "The client was shut down while this request was pending."),
            new(RequestTimeout, nameof(RequestTimeout), E, "The gateway did not answer in time."),
        ];
        return all.ToDictionary(e => e.Code);
    }
}
