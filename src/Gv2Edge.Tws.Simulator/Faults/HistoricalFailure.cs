namespace Gv2Edge.Tws.Simulator.Faults;

/// <summary>
/// How reqHistoricalData fails for a symbol chosen with <see cref="SimulatorFaults.FailHistoricalData"/>,
/// <see cref="SimulatorOptions.HistoricalFailures"/> or a scenario file's <c>historicalFailures</c>. Each is a way
/// the real gateway fails such requests; all but <see cref="NoReply"/> answer with error 162 on the request id.
/// </summary>
public enum HistoricalFailure
{
    /// <summary>
    /// 162 "Historical Market Data Service error message:HMDS query returned no data: AAPL@SMART Trades" (the
    /// exchange and bar type of the request), as for a thinly traded or newly listed symbol.
    /// </summary>
    NoData,

    /// <summary>
    /// 162 "Historical Market Data Service error message:Historical data request pacing violation", whatever the
    /// bar size (the gateway's soft throttle on larger bars answers the same way).
    /// </summary>
    PacingViolation,

    /// <summary>
    /// 162 "Historical Market Data Service error message:No market data permissions for ISLAND STK" (the primary
    /// exchange as IB names it: ISLAND for NASDAQ), as for an account without that exchange's data.
    /// </summary>
    NoPermission,

    /// <summary>
    /// 162 "Historical Market Data Service error message:API historical data query cancelled: N" (N the request
    /// id), what IB sends when it gives up on a slow query.
    /// </summary>
    QueryCancelled,

    /// <summary>No reply at all: the request stays unanswered (IB does this; clients need their own timeout).</summary>
    NoReply,
}
