using Gv2Edge.Market;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    private readonly Dictionary<int, MarketDataSubscription> _marketData = [];
    private readonly Lock _subscriptionsGate = new();
    private int _marketDataType = 1;

    /// <summary>Streaming lines this connection holds (IB counts lines per user, over all clients).</summary>
    public int LinesInUse
    {
        get
        {
            lock (_subscriptionsGate)
            {
                int n = 0;
                foreach (MarketDataSubscription s in _marketData.Values)
                {
                    n += s.Snapshot ? 0 : 1;
                }

                return n;
            }
        }
    }

    public void OnReqMarketDataType(ReqMarketDataType m)
    {
        if (m.MarketDataType is >= 1 and <= 4)
        {
            _marketDataType = m.MarketDataType;
        }
    }

    public void OnReqMktData(ReqMktData m)
    {
        lock (_subscriptionsGate)
        {
            if (_marketData.ContainsKey(m.ReqId))
            {
                SendError(m.ReqId, IbError.DuplicateTickerId, IbError.DuplicateTickerIdText);
                return;
            }
        }

        if (Resolve(m.Contract) is not { } instrument)
        {
            SendError(m.ReqId, IbError.NoSecurityDefinition, IbError.NoSecurityText);
            return;
        }

        if (instrument.Option is not null && !_server.Options.OptionDataPermission)
        {
            SendError(m.ReqId, IbError.NotSubscribed, IbError.NotSubscribedText);
            return;
        }

        if (m.Snapshot && m.GenericTickList.Trim().Length > 0)
        {
            SendError(m.ReqId, IbError.SnapshotGenericTicks, IbError.SnapshotGenericText);
            return;
        }

        if (!TryParseGenericTicks(m.GenericTickList, instrument.Option is not null, out GenericTicks generic, out string? bad))
        {
            SendError(m.ReqId, IbError.ServerErrorValidating, bad!);
            return;
        }

        if (!m.Snapshot && _server.LinesInUse() >= _server.Options.Lines)
        {
            SendError(m.ReqId, IbError.MaxTickers, IbError.MaxTickersText);
            return;
        }

        int dataType = _marketDataType;
        if (_server.IsUnsubscribed(instrument.Stock.Symbol))
        {
            bool delayedAllowed = _server.Options.DelayedDataEnabled;
            if (dataType <= 2)
            {
                SendError(m.ReqId, delayedAllowed ? IbError.NeedsSubscriptionDelayedAvailable : IbError.NotSubscribed,
                    delayedAllowed ? IbError.NeedsSubscriptionText(instrument.Stock.Symbol, instrument.Stock.PrimaryExchange) : IbError.NotSubscribedText);
                return;
            }

            if (!delayedAllowed)
            {
                SendError(m.ReqId, IbError.DelayedNotEnabled, IbError.DelayedNotEnabledText);
                return;
            }

            SendError(m.ReqId, IbError.DisplayingDelayed, IbError.DisplayingDelayedText);
        }
        else
        {
            // Entitled: live data whatever type was asked (IB falls back to delayed only when live is not permitted).
            dataType = dataType is 2 or 4 ? 2 : 1;
        }

        var sub = new MarketDataSubscription(m.ReqId, instrument.Stock, instrument.Option, generic, m.Snapshot, dataType);
        lock (_subscriptionsGate)
        {
            _marketData[m.ReqId] = sub;
        }

        using (Outbox.Scope scope = Outbox.Open())
        {
            double minTick = instrument.Option is not null ? 0.01 : instrument.Stock.MinTick;
            new TickReqParams(m.ReqId, minTick, "9c0001", 3).Encode(scope.Writer, ServerVersion);
            new MarketDataTypeMessage(m.ReqId, dataType).Encode(scope.Writer, ServerVersion);
            scope.Count(2);
        }

        if (m.Snapshot)
        {
            _server.ScheduleSnapshotEnd(this, m.ReqId, _server.Options.SnapshotSeconds);
        }

        Emit(sub, _server.Options.TimeProvider.GetTimestamp());
        if (_server.Load is { } load && !m.Snapshot)
        {
            PrepareLoad(sub, load.Options);
            load.Wake();
        }
    }

    public void OnCancelMktData(CancelMktData m)
    {
        bool removed;
        lock (_subscriptionsGate)
        {
            removed = _marketData.Remove(m.ReqId);
        }

        if (!removed)
        {
            SendError(m.ReqId, IbError.CantFindTickerId, IbError.CantFindTickerText(m.ReqId));
        }
    }

    /// <summary>Ends a snapshot: tickSnapshotEnd and the line is released.</summary>
    public void EndSnapshot(int reqId)
    {
        lock (_subscriptionsGate)
        {
            if (!_marketData.TryGetValue(reqId, out MarketDataSubscription? sub) || !sub.Snapshot)
            {
                return;
            }

            if (!sub.StaticSent)
            {
                // The window ran out before the snapshot's data went out (a short window on a busy machine): the data
                // comes first, so end a moment later rather than end a snapshot with nothing in it.
                _server.ScheduleSnapshotEnd(this, reqId, 0.05);
                return;
            }

            _marketData.Remove(reqId);
        }

        using Outbox.Scope scope = Outbox.Open();
        new TickSnapshotEnd(reqId).Encode(scope.Writer, ServerVersion);
        scope.Count();
    }

    /// <summary>Called by the pump: sends what changed on every line that is due.</summary>
    public void PumpMarketData(long now)
    {
        if (_server.Load is not null)
        {
            return; // load mode owns the level-1 stream (initial values still come from the model)
        }

        MarketDataSubscription[] due;
        lock (_subscriptionsGate)
        {
            if (_marketData.Count == 0)
            {
                return;
            }

            due = RentDue(now);
        }

        foreach (MarketDataSubscription sub in due)
        {
            if (sub is null)
            {
                break;
            }

            Emit(sub, now);
        }

        Array.Clear(due);
    }

    /// <summary>Fault: one line goes silent without an error.</summary>
    public bool Silence(int reqId)
    {
        lock (_subscriptionsGate)
        {
            if (_marketData.TryGetValue(reqId, out MarketDataSubscription? sub))
            {
                sub.Silent = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>Fault 1101: every market-data line is gone (the client must resubscribe).</summary>
    public void DropMarketData()
    {
        lock (_subscriptionsGate)
        {
            _marketData.Clear();
        }
    }

    /// <summary>Fault 10197: every live line gets the competing-session error and stops.</summary>
    public void CompetingSession()
    {
        int[] ids;
        lock (_subscriptionsGate)
        {
            ids = [.. _marketData.Keys];
            _marketData.Clear();
        }

        foreach (int id in ids)
        {
            SendError(id, IbError.CompetingSession, IbError.CompetingSessionText);
        }
    }

    private MarketDataSubscription[] _dueBuffer = new MarketDataSubscription[16];

    private MarketDataSubscription[] RentDue(long now)
    {
        if (_dueBuffer.Length < _marketData.Count + 1)
        {
            _dueBuffer = new MarketDataSubscription[(_marketData.Count * 2) + 1];
        }

        int n = 0;
        foreach (MarketDataSubscription s in _marketData.Values)
        {
            if (!s.Silent && !s.Snapshot && now >= s.NextDue)
            {
                _dueBuffer[n++] = s;
            }
        }

        return _dueBuffer;
    }

    private void StopSubscriptions()
    {
        lock (_subscriptionsGate)
        {
            _marketData.Clear();
        }

        StopOtherSubscriptions();
    }

    private readonly record struct Instrument(StockInfo Stock, OptionContract? Option);

    private Instrument? Resolve(Contract c)
    {
        if (c.Currency.Length > 0 && !c.Currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        MarketModel model = _server.Model;
        switch (c.SecType.ToUpperInvariant())
        {
            case "STK":
                StockInfo? stock = c.ConId > 0 ? model.Universe.Find(c.ConId) : model.Universe.Find(c.Symbol);
                if (stock is null || (c.Symbol.Length > 0 && !c.Symbol.Equals(stock.Symbol, StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }

                return new Instrument(stock, null);
            case "OPT":
                OptionContract? option = c.ConId > 0
                    ? model.Options.Find(c.ConId)
                    : c.Strike is { } strike && ParseRight(c.Right) is { } right
                        ? model.Options.Find(c.Symbol, c.LastTradeDateOrContractMonth, strike, right)
                        : null;
                return option is null ? null : new Instrument(option.Underlying, option);
            default:
                return null;
        }
    }

    private static OptionRight? ParseRight(string right) => right.ToUpperInvariant() switch
    {
        "C" or "CALL" => OptionRight.Call,
        "P" or "PUT" => OptionRight.Put,
        _ => null,
    };
}
