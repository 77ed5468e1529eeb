using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Requests;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    private long _callbackErrors;

    private void OnTicked(MarketDataSubscription sub)
    {
        if (sub.Ticker.IsStale && sub.Ticker.SetStale(false))
        {
            sub.FarmBrokenTimestamp = 0;
            RaiseSubscription(SubscriptionFresh, sub, "data flowing again");
        }

        if (sub.Updated is { } callback)
        {
            try
            {
                callback(sub);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _callbackErrors);
            }
        }

        _updates.Notify(sub);
    }

    private void OnCurrentTimeReceived(long epochSeconds, long now)
    {
        TimeWaiter? waiter;
        lock (_timeWaiters)
        {
            _timeWaiters.TryDequeue(out waiter);
        }

        if (waiter is null)
        {
            return;
        }

        if (waiter.Session is { } session)
        {
            long sent = Interlocked.Exchange(ref session.HeartbeatSentTimestamp, 0);
            if (sent != 0)
            {
                _heartbeatLatency = _time.GetElapsedTime(sent, now);
            }

            Volatile.Write(ref session.HeartbeatPending, 0);
        }

        waiter.Request?.Complete(DateTimeOffset.FromUnixTimeSeconds(epochSeconds));
    }

    /// <summary>The reader's handler: a struct, so the decoder's generic dispatch calls it directly.</summary>
    private readonly struct Dispatcher(TwsClient client, Session session, long now) : IIncomingHandler
    {
        public void OnTickPrice(in TickPrice m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.ApplyPrice(m, now, session.SizesInLots && sub.IsStock);
                client.OnTicked(sub);
            }
        }

        public void OnTickSize(in TickSize m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.ApplySize(m, now, session.SizesInLots && sub.IsStock);
                client.OnTicked(sub);
            }
        }

        public void OnTickString(in TickString m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.ApplyString(m, now);
                client.OnTicked(sub);
            }
        }

        public void OnTickGeneric(in TickGeneric m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.ApplyGeneric(m, now);
                client.OnTicked(sub);
            }
        }

        public void OnTickOptionComputation(in TickOptionComputation m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.ApplyOption(m, now);
                client.OnTicked(sub);
            }
        }

        public void OnMarketDataType(MarketDataTypeMessage m)
        {
            if (client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                sub.Ticker.SetMarketDataType((MarketDataType)m.MarketDataType);
            }
        }

        public void OnTickSnapshotEnd(TickSnapshotEnd m)
        {
            if (client._pending.TryRemove(m.ReqId, out PendingRequest? p) && p is PendingRequest<TickerSnapshot> snap
                && client._routes.TryGetValue(m.ReqId, out MarketDataSubscription? sub))
            {
                snap.Complete(sub.Ticker.Snapshot());
            }
        }

        public void OnError(ErrorMessage m) => client.HandleError(session, m, now);

        public void OnNextValidId(NextValidId m)
        {
            session.NextValidId = m.OrderId;
            session.GotNextValidId = true;
            if (session.GotAccounts)
            {
                client.OnReady(session);
            }
        }

        public void OnManagedAccounts(ManagedAccounts m)
        {
            session.Accounts = m.Accounts;
            session.GotAccounts = m.Accounts.Count > 0;
            if (session.GotAccounts && session.GotNextValidId)
            {
                client.OnReady(session);
            }
        }

        public void OnCurrentTime(CurrentTime m) => client.OnCurrentTimeReceived(m.EpochSeconds, now);

        public void OnContractData(ContractData m)
        {
            if (client._pending.TryGetValue(m.ReqId, out PendingRequest? p) && p is PendingListRequest<ContractDetails> list)
            {
                list.Add(m.Details);
            }
        }

        public void OnContractDataEnd(ContractDataEnd m)
        {
            if (client._pending.TryRemove(m.ReqId, out PendingRequest? p) && p is PendingListRequest<ContractDetails> list)
            {
                list.CompleteList();
            }
        }

        public void OnHistoricalData(HistoricalData m)
        {
            if (client._pending.TryRemove(m.ReqId, out PendingRequest? p) && p is PendingRequest<HistoricalData> request)
            {
                request.Complete(m);
            }
        }

        public void OnSecurityDefinitionOptionParameter(SecurityDefinitionOptionParameter m)
        {
            if (client._pending.TryGetValue(m.ReqId, out PendingRequest? p) && p is PendingListRequest<SecurityDefinitionOptionParameter> list)
            {
                list.Add(m);
            }
        }

        public void OnSecurityDefinitionOptionParameterEnd(SecurityDefinitionOptionParameterEnd m)
        {
            if (client._pending.TryRemove(m.ReqId, out PendingRequest? p) && p is PendingListRequest<SecurityDefinitionOptionParameter> list)
            {
                list.CompleteList();
            }
        }

        public void OnScannerData(ScannerData m)
        {
            if (client._pending.TryRemove(m.ReqId, out PendingRequest? p) && p is PendingRequest<IReadOnlyList<ScannerDataRow>> scan)
            {
                scan.Complete(m.Rows);
            }
        }
    }
}
