using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Load;

namespace Gv2Edge.Tws.Simulator.Server;

internal sealed partial class SimConnection
{
    private MarketDataSubscription[] _loadLines = new MarketDataSubscription[16];
    private int _loadCursor;

    /// <summary>True when load mode has at least one streaming line of this connection to feed.</summary>
    public bool HasLoadLines
    {
        get
        {
            lock (_subscriptionsGate)
            {
                foreach (MarketDataSubscription s in _marketData.Values)
                {
                    if (IsLoadLine(s))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>
    /// Load mode: queues up to <paramref name="budget"/> frames round-robin over this connection's streaming lines,
    /// the first one a send-time stamp when <paramref name="stampTickType"/> is set. Returns the frames queued
    /// (0 when the writer already holds <paramref name="maxQueuedBytes"/>: the client is not keeping up).
    /// </summary>
    public int SendLoad(int budget, long now, int? stampTickType, int maxQueuedBytes)
    {
        if (Outbox.QueuedBytes >= maxQueuedBytes || _closed.IsCancellationRequested)
        {
            return 0;
        }

        int lines = CollectLoadLines();
        if (lines == 0)
        {
            return 0;
        }

        int sent = 0;
        using (Outbox.Scope scope = Outbox.Open())
        {
            MessageWriter w = scope.Writer;
            if (stampTickType is { } stamp)
            {
                new TickSize(_loadLines[_loadCursor % lines].ReqId, stamp, now).Encode(w, ServerVersion);
                sent++;
            }

            while (sent < budget && w.Length < maxQueuedBytes)
            {
                _loadCursor = (_loadCursor + 1) % lines;
                MarketDataSubscription sub = _loadLines[_loadCursor];
                LoadCycle cycle = sub.Load!;
                ReadOnlySpan<byte> frame = cycle.Frame(sub.LoadIndex, out long traded);
                sub.LoadIndex = sub.LoadIndex + 1 == cycle.Length ? 0 : sub.LoadIndex + 1;
                sub.LoadVolume += traded;
                if (frame.IsEmpty)
                {
                    new TickSize(sub.ReqId, Ticks(sub, 8), sub.LoadVolume).Encode(w, ServerVersion);
                }
                else
                {
                    w.WriteRaw(frame);
                }

                sent++;
            }

            scope.Count(sent);
        }

        Array.Clear(_loadLines, 0, lines);
        return sent;
    }

    /// <summary>Builds a new streaming line's frame cycle from what the line was just sent.</summary>
    private void PrepareLoad(MarketDataSubscription sub, LoadOptions options)
    {
        double last = double.IsNaN(sub.Last) || sub.Last <= 0 ? sub.Stock.Price : sub.Last;
        double bid = sub.Bid > 0 ? sub.Bid : last - sub.Stock.TypicalSpread / 2;
        double ask = sub.Ask > 0 ? sub.Ask : last + sub.Stock.TypicalSpread / 2;
        double minTick = sub.Option is null ? sub.Stock.MinTick : 0.01;
        long size = sub.Option is null ? Math.Max(100, sub.BidSize) : Math.Max(1, sub.BidSize);
        sub.LoadVolume = Math.Max(0, sub.Volume);
        sub.Load = LoadCycle.Build(sub.ReqId, bid, ask, minTick, size, _server.Options.Seed, options, ServerVersion, live => Ticks(sub, live));
    }

    private static bool IsLoadLine(MarketDataSubscription s) => s.Load is not null && !s.Silent && !s.Snapshot;

    private int CollectLoadLines()
    {
        lock (_subscriptionsGate)
        {
            if (_loadLines.Length < _marketData.Count)
            {
                _loadLines = new MarketDataSubscription[_marketData.Count * 2];
            }

            int n = 0;
            foreach (MarketDataSubscription s in _marketData.Values)
            {
                if (IsLoadLine(s))
                {
                    _loadLines[n++] = s;
                }
            }

            return n;
        }
    }
}
