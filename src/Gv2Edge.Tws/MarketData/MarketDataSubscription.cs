using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// One level-1 market-data subscription: what was asked for, its <see cref="Ticker"/>, and its liveness. It
/// outlives connections: after a reconnect, a 1101 or a silence it is re-sent under a new request id and keeps
/// its ticker and its consumers.
/// </summary>
/// <remarks>
/// Two ways to hear about updates. <see cref="Updated"/> is called on the socket reader right after the ticker
/// changed: it MUST NOT block or do slow work (copy a value, signal something, return); an exception thrown from
/// it is caught and counted, never allowed to stop the reader. For anything slower, read
/// <see cref="TwsClient.Updates"/>: a bounded channel that carries each updated subscription at most once until
/// you read it (updates coalesce, so the channel cannot fill up with stale entries); read the ticker then.
/// </remarks>
public sealed class MarketDataSubscription
{
    private int _queued;
    private int _requestId;

    internal MarketDataSubscription(Contract contract, string genericTicks, LineKind kind, ClockAnchor clock, Action<MarketDataSubscription>? updated)
    {
        Contract = contract;
        GenericTicks = genericTicks;
        Kind = kind;
        Ticker = new Ticker(clock);
        Updated = updated;
        IsOption = contract.SecType is "OPT" or "FOP";
        IsStock = contract.SecType == "STK";
    }

    /// <summary>The instrument.</summary>
    public Contract Contract { get; }

    /// <summary>The generic tick list sent with the request (e.g. "233,236").</summary>
    public string GenericTicks { get; }

    /// <summary>Which line budget the subscription uses.</summary>
    public LineKind Kind { get; }

    /// <summary>The live state.</summary>
    public Ticker Ticker { get; }

    /// <summary>Called on the socket reader after each change; must not block (see remarks).</summary>
    public Action<MarketDataSubscription>? Updated { get; }

    /// <summary>The request id in use now (changes on every re-send); 0 while not sent.</summary>
    public int RequestId => Volatile.Read(ref _requestId);

    /// <summary>True until <see cref="TwsClient.Unsubscribe"/> or a terminal IB error.</summary>
    public bool IsActive { get; internal set; } = true;

    /// <summary>How many times it was re-sent (reconnects, 1101, farm recovery, silence).</summary>
    public int Resubscriptions { get; internal set; }

    /// <summary>The error that ended it, if any.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>Timestamp at which it was (re)sent; the silence clock starts there until the first tick.</summary>
    internal long SentTimestamp { get; set; }

    /// <summary>Timestamp of the 2103 that made it stale (0 when none pending).</summary>
    internal long FarmBrokenTimestamp { get; set; }

    internal void SetRequestId(int id) => Volatile.Write(ref _requestId, id);

    /// <summary>True when the caller should queue it to the updates channel (it was not queued already).</summary>
    /// <remarks>The plain read first: while the entry waits in the channel (the usual case under a burst) no locked instruction is paid.</remarks>
    internal bool TryMarkQueued() => Volatile.Read(ref _queued) == 0 && Interlocked.Exchange(ref _queued, 1) == 0;

    /// <summary>Called by the consumer side when it takes it from the channel.</summary>
    internal void ClearQueued() => Volatile.Write(ref _queued, 0);

    /// <summary>True for option contracts (their data comes from the options farm).</summary>
    internal bool IsOption { get; }

    /// <summary>True for stocks (whose sizes came in lots of 100 below server version 159).</summary>
    internal bool IsStock { get; }

    public override string ToString() => $"{Contract.Symbol} {Contract.SecType} #{RequestId}";
}
