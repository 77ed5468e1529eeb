using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    /// <summary>
    /// IB's tick-by-tick allowance, per user (all connections together), is the market-depth formula: 3 below 400
    /// lines, then one per 100 lines (4 for 400–499, 5 for 500–599 …), at most 60.
    /// </summary>
    private int MaxTickByTick => Math.Clamp(_server.Options.Lines / 100, 3, 60);

    /// <summary>Tick-by-tick subscriptions this connection holds.</summary>
    public int TickByTickInUse
    {
        get
        {
            lock (_subscriptionsGate)
            {
                return _tickByTick.Count;
            }
        }
    }

    private readonly Dictionary<int, TbtLine> _tickByTick = [];

    private sealed class TbtLine(int reqId, StockInfo stock, int type)
    {
        public int ReqId { get; } = reqId;

        public StockInfo Stock { get; } = stock;

        /// <summary>1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint.</summary>
        public int Type { get; } = type;

        public long LastTradeMs { get; set; } = -1;

        public double Bid { get; set; } = double.NaN;

        public double Ask { get; set; } = double.NaN;

        public long BidSize { get; set; } = -1;

        public long AskSize { get; set; } = -1;
    }

    /// <summary>Tick-by-tick for stocks: every trade (Last/AllLast), every quote change (BidAsk, MidPoint), not coalesced.</summary>
    public void OnReqTickByTickData(ReqTickByTickData m)
    {
        if (Resolve(m.Contract) is not { Option: null } instrument)
        {
            SendError(m.ReqId, IbError.NoSecurityDefinition, IbError.NoSecurityText);
            return;
        }

        int type = m.TickType switch { "Last" => 1, "AllLast" => 2, "BidAsk" => 3, "MidPoint" => 4, _ => 0 };
        if (type == 0)
        {
            SendError(m.ReqId, IbError.ServerErrorValidating, $"Error validating request.-'cR' : cause - Invalid tick type \"{m.TickType}\" (use Last, AllLast, BidAsk or MidPoint).");
            return;
        }

        // One server-wide gate: two clients asking at once must not both take the last slot.
        lock (_server.TickByTickGate)
        {
            if (_server.TickByTickInUse() >= MaxTickByTick && !HasTickByTick(m.ReqId))
            {
                SendError(m.ReqId, IbError.MaxTickByTick, IbError.MaxTickByTickText);
                return;
            }

            lock (_subscriptionsGate)
            {
                if (!_tickByTick.TryAdd(m.ReqId, new TbtLine(m.ReqId, instrument.Stock, type)))
                {
                    SendError(m.ReqId, IbError.DuplicateTickerId, IbError.DuplicateTickerIdText);
                }
            }
        }
    }

    private bool HasTickByTick(int reqId)
    {
        lock (_subscriptionsGate)
        {
            return _tickByTick.ContainsKey(reqId);
        }
    }

    public void OnCancelTickByTickData(CancelTickByTickData m)
    {
        lock (_subscriptionsGate)
        {
            _tickByTick.Remove(m.ReqId);
        }
    }

    private void PumpTickByTick()
    {
        TbtLine[] lines;
        lock (_subscriptionsGate)
        {
            if (_tickByTick.Count == 0)
            {
                return;
            }

            lines = [.. _tickByTick.Values];
        }

        MarketModel model = _server.Model;
        DateTime et = model.Clock.NowEt;
        long epoch = model.Clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (TbtLine l in lines)
        {
            TickByTick? tick = null;
            lock (model.Gate)
            {
                StockModel s = model.At(l.Stock, et);
                if (l.Type <= 2 && s.LastTradeUnixMs != l.LastTradeMs)
                {
                    bool first = l.LastTradeMs < 0;
                    l.LastTradeMs = s.LastTradeUnixMs;
                    if (!first && s.LastTradeUnixMs > 0)
                    {
                        tick = new TickByTick { ReqId = l.ReqId, TickType = l.Type, Time = s.LastTradeUnixMs / 1000, Price = s.Last, Size = s.LastSize, Exchange = l.Stock.PrimaryExchange == "NASDAQ" ? "NASDAQ" : "ARCA" };
                    }
                }
                else if (l.Type >= 3 && (s.Bid != l.Bid || s.Ask != l.Ask || (l.Type == 3 && (s.BidSize != l.BidSize || s.AskSize != l.AskSize))))
                {
                    (l.Bid, l.Ask, l.BidSize, l.AskSize) = (s.Bid, s.Ask, s.BidSize, s.AskSize);
                    tick = l.Type == 3
                        ? new TickByTick { ReqId = l.ReqId, TickType = 3, Time = epoch, BidPrice = s.Bid, AskPrice = s.Ask, BidSize = s.BidSize, AskSize = s.AskSize }
                        : new TickByTick { ReqId = l.ReqId, TickType = 4, Time = epoch, MidPoint = Math.Round((s.Bid + s.Ask) / 2, 5) };
                }
            }

            if (tick is not null)
            {
                Send(tick);
            }
        }
    }
}
