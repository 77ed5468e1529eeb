using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Requests;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    /// <summary>
    /// Starts a level-1 subscription that lives until <see cref="Unsubscribe"/>: it survives reconnects (re-sent
    /// with a new request id), and is re-sent alone when silent too long. Sent now if connected, else at the
    /// next connect. Throws <see cref="TwsException"/> (code <see cref="TwsErrorCodes.LineBudgetExhausted"/>)
    /// when no market-data line is free for <paramref name="kind"/>.
    /// </summary>
    /// <param name="contract">The instrument.</param>
    /// <param name="genericTicks">IB generic tick list, e.g. "233" for RTVolume (VWAP, last trade time). Default none.</param>
    /// <param name="kind">Which budget: long-lived <see cref="LineKind.Streaming"/> (default) cannot use the reserve.</param>
    /// <param name="updated">Optional callback on the socket reader after each change; it must not block.</param>
    public MarketDataSubscription Subscribe(Contract contract, string genericTicks = "", LineKind kind = LineKind.Streaming,
        Action<MarketDataSubscription>? updated = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_lines.TryAcquire(kind))
        {
            LineBudgetSnapshot l = _lines.Snapshot();
            throw new TwsException(TwsErrorCodes.LineBudgetExhausted,
                $"No {kind} market-data line free for {contract.Symbol} ({l.Used} of {l.MaxLines} in use, {l.Reserved} reserved for on-demand requests).");
        }

        var sub = new MarketDataSubscription(contract, genericTicks, kind, _clock, updated);
        _subscriptions[sub] = 0;
        if (_session is { Ready: true } session)
        {
            SendSubscription(session, sub, cancelOld: false, countAsResubscription: false);
        }

        return sub;
    }

    /// <summary>Ends a subscription, cancels it at IB and frees its line. Harmless if already ended.</summary>
    public void Unsubscribe(MarketDataSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!_subscriptions.TryRemove(subscription, out _))
        {
            return;
        }

        subscription.IsActive = false;
        int id = subscription.RequestId;
        _routes.TryRemove(id, out _);
        if (id != 0 && _session is { Ready: true } session)
        {
            Send(session, new CancelMktData(id), priority: true);
        }

        _lines.Release(subscription.Kind);
    }

    /// <summary>
    /// A one-off snapshot quote (IB collects default ticks for up to ~11 s, then says done). Uses an on-demand
    /// line (the reserve) for its duration. Fails with <see cref="TwsException"/> on an IB error or disconnect.
    /// </summary>
    public async Task<TickerSnapshot> GetSnapshotQuoteAsync(Contract contract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Session session = RequireSession();
        if (!_lines.TryAcquire(LineKind.OnDemand))
        {
            throw new TwsException(TwsErrorCodes.LineBudgetExhausted, $"No market-data line free for a {contract.Symbol} snapshot.");
        }

        int id = NextRequestId();
        var sub = new MarketDataSubscription(contract, "", LineKind.OnDemand, _clock, null);
        sub.SetRequestId(id);
        var request = new PendingRequest<TickerSnapshot>(id)
        {
            Cleanup = () =>
            {
                _routes.TryRemove(id, out _);
                _lines.Release(LineKind.OnDemand);
            },
        };
        _routes.Set(id, sub);
        return await Run(session, request, new ReqMktData(id, contract, Snapshot: true), new CancelMktData(id), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>(Re)sends one subscription under a new request id; the old id's late ticks are ignored.</summary>
    private void SendSubscription(Session session, MarketDataSubscription sub, bool cancelOld, bool countAsResubscription)
    {
        lock (sub)
        {
            if (!sub.IsActive)
            {
                return;
            }

            int old = sub.RequestId;
            if (old != 0)
            {
                _routes.TryRemove(old, out _);
                if (cancelOld)
                {
                    Send(session, new CancelMktData(old));
                }
            }

            int id = NextRequestId();
            sub.SetRequestId(id);
            sub.SentTimestamp = _time.GetTimestamp();
            if (countAsResubscription)
            {
                sub.Resubscriptions++;
            }

            _routes.Set(id, sub);
            Send(session, new ReqMktData(id, sub.Contract, sub.GenericTicks));
        }
    }
}
