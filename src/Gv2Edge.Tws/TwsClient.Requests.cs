using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Pacing;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Requests;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    private long _pacingRetries;

    /// <summary>Every contract IB knows that matches <paramref name="contract"/> (empty list: none).</summary>
    public Task<IReadOnlyList<ContractDetails>> GetContractDetailsAsync(Contract contract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Session session = RequireSession();
        int id = NextRequestId();
        return Run(session, new PendingListRequest<ContractDetails>(id), new ReqContractDetails(id, contract), null, cancellationToken);
    }

    /// <summary>
    /// Historical bars. Requests wait their turn under IB's pacing rules (15 s identical, 5 per contract in 2 s,
    /// 60 small-bar requests in 10 min, 50 open) instead of failing; a request IB still refuses for pacing (162,
    /// e.g. because another application shares the gateway) queues again after 10, 20, 40 … s (at most 10 min)
    /// until it is answered or cancelled; cancellation sends cancelHistoricalData.
    /// </summary>
    /// <param name="contract">The instrument.</param>
    /// <param name="endDateTime">End, e.g. "20260105 16:00:00 US/Eastern"; empty = now.</param>
    /// <param name="duration">e.g. "1 D", "3600 S".</param>
    /// <param name="barSize">e.g. "5 mins", "30 secs", "1 day".</param>
    /// <param name="whatToShow">TRADES, MIDPOINT, BID, ASK, BID_ASK… Default TRADES.</param>
    /// <param name="useRth">Regular trading hours only. Default false (include extended hours).</param>
    /// <param name="cancellationToken">Cancels the wait or the request.</param>
    public async Task<HistoricalData> GetHistoricalBarsAsync(Contract contract, string endDateTime, string duration, string barSize,
        string whatToShow = "TRADES", bool useRth = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        RequireSession();
        string contractKey = $"{contract.ConId}|{contract.Symbol}|{contract.SecType}|{contract.Exchange}|{contract.LastTradeDateOrContractMonth}|{contract.Strike}|{contract.Right}|{whatToShow}";
        var key = new HistoricalRequestKey($"{contractKey}|{endDateTime}|{duration}|{barSize}|{useRth}", contractKey,
            HistoricalRequestKey.IsSmallBarSize(barSize), whatToShow == "BID_ASK" ? 2 : 1);
        for (int refusals = 0; ; refusals++)
        {
            TimeSpan backoff = refusals == 0 ? TimeSpan.Zero : PacingBackoff(refusals);
            HistoricalLease lease = await _historical.AcquireAsync(key, backoff, cancellationToken).ConfigureAwait(false);
            Session session;
            try
            {
                session = RequireSession();
            }
            catch
            {
                lease.Dispose();
                throw;
            }

            int id = NextRequestId();
            var request = new PendingRequest<HistoricalData>(id) { Cleanup = lease.Dispose };
            var message = new ReqHistoricalData(id, contract, endDateTime, barSize, duration, useRth, whatToShow);
            try
            {
                return await Run(session, request, message, new CancelHistoricalData(id), cancellationToken, lease.MarkSent).ConfigureAwait(false);
            }
            catch (TwsException e) when (IsPacingViolation(e))
            {
                // The gateway's counters are shared with every other application on it: queue again, later.
                Interlocked.Increment(ref _pacingRetries);
                _log.LogWarning("Historical request for {Symbol} refused for pacing (162); queued again in {Seconds} s.",
                    contract.Symbol, PacingBackoff(refusals + 1).TotalSeconds);
            }
        }
    }

    /// <summary>Back-off after the n-th pacing refusal of one request: 10, 20, 40 … s, at most 10 minutes (IB's longest window).</summary>
    internal static TimeSpan PacingBackoff(int refusals)
        => TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, Math.Min(refusals - 1, 10))));

    /// <summary>162 is overloaded (no data, cancelled, invalid step…): only its pacing text means "try later".</summary>
    private static bool IsPacingViolation(TwsException e)
        => e.Code == TwsErrorCodes.HistoricalDataService && e.IbMessage.Contains("pacing violation", StringComparison.OrdinalIgnoreCase);

    /// <summary>Option chain parameters (expirations and strikes per exchange and trading class) for an underlying.</summary>
    /// <param name="underlyingSymbol">e.g. "AAPL".</param>
    /// <param name="underlyingSecType">"STK" for stock options.</param>
    /// <param name="underlyingConId">The underlying's IB contract id (from contract details).</param>
    /// <param name="futFopExchange">Empty for stock options.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<IReadOnlyList<SecurityDefinitionOptionParameter>> GetOptionChainParametersAsync(string underlyingSymbol,
        string underlyingSecType, int underlyingConId, string futFopExchange = "", CancellationToken cancellationToken = default)
    {
        Session session = RequireSession();
        int id = NextRequestId();
        return Run(session, new PendingListRequest<SecurityDefinitionOptionParameter>(id),
            new ReqSecDefOptParams(id, underlyingSymbol, futFopExchange, underlyingSecType, underlyingConId), null, cancellationToken);
    }

    /// <summary>The gateway's clock (reqCurrentTime).</summary>
    public async Task<DateTimeOffset> GetCurrentTimeAsync(CancellationToken cancellationToken = default)
    {
        Session session = RequireSession();
        var request = new PendingRequest<DateTimeOffset>(0);
        lock (_timeWaiters)
        {
            _timeWaiters.Enqueue(new TimeWaiter(request, null));
            Send(session, ReqCurrentTime.Instance, priority: true);
        }

        using CancellationTokenRegistration reg = cancellationToken.Register(() => request.Cancel(cancellationToken));
        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>One scanner result set (the subscription is cancelled as soon as the first set arrives).</summary>
    public Task<IReadOnlyList<ScannerDataRow>> ScanAsync(ScannerSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Session session = RequireSession();
        int id = NextRequestId();
        var request = new PendingRequest<IReadOnlyList<ScannerDataRow>>(id);
        request.Cleanup = () =>
        {
            if (_session is { Ready: true } s)
            {
                Send(s, new CancelScannerSubscription(id), priority: true);
            }
        };
        return Run(session, request, new ReqScannerSubscription(id, subscription), null, cancellationToken);
    }

    private Session RequireSession()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _session is { Ready: true } session
            ? session
            : throw new TwsException(TwsErrorCodes.NotConnected, $"Not connected to the gateway (state {State}).");
    }

    /// <summary>Registers <paramref name="request"/>, sends <paramref name="message"/>, and wires cancellation.</summary>
    private async Task<T> Run<T>(Session session, PendingRequest<T> request, IWireMessage message, IWireMessage? cancel,
        CancellationToken cancellationToken, Action? onSent = null)
    {
        _pending[request.RequestId] = request;
        if (!session.Ready)
        {
            // The session ended between the check and the registration: fail now rather than hang.
            _pending.TryRemove(request.RequestId, out _);
            request.Fail(new TwsException(TwsErrorCodes.NotConnected, "Not connected to the gateway."));
        }
        else
        {
            Send(session, message, onSent: onSent is null ? null : _ => onSent());
        }

        using CancellationTokenRegistration registration = cancellationToken.Register(() =>
        {
            if (_pending.TryRemove(request.RequestId, out _) && request.Cancel(cancellationToken)
                && cancel is not null && _session is { Ready: true } s)
            {
                Send(s, cancel, priority: true);
            }
        });
        return await request.Task.ConfigureAwait(false);
    }
}
