using Gv2Edge.Tws.Simulator.Server;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Simulator;

public sealed partial class GatewaySimulator
{
    /// <summary>The pump's period on the driving clock: the finest coalescing step (options 100 ms, stocks 250 ms).</summary>
    private static readonly TimeSpan PumpPeriod = TimeSpan.FromMilliseconds(50);

    private void StartPump()
    {
        lock (_gate)
        {
            if (_pump is null)
            {
                _pump = Options.TimeProvider.CreateTimer(_ => Pump(), null, PumpPeriod, PumpPeriod);
                Load?.Start();
                if (Options.WarmUp)
                {
                    CancellationToken ct = _stopping.Token;
                    _ = Task.Run(() =>
                    {
                        long started = Options.TimeProvider.GetTimestamp();
                        int n = Model.WarmUp(ct);
                        Logger.LogInformation("Warm-up: {Count} stocks stepped to {Time:HH:mm:ss} ET in {Elapsed}",
                            n, Clock.NowEt, Options.TimeProvider.GetElapsedTime(started));
                    }, ct);
                }
            }
        }
    }

    /// <summary>One pump turn: every connection sends what changed on its due lines, and live bars/scanners refresh.</summary>
    internal void Pump()
    {
        if (_stopping.IsCancellationRequested || DataPaused)
        {
            return;
        }

        long now = Options.TimeProvider.GetTimestamp();
        foreach (SimConnection c in Connections)
        {
            c.PumpMarketData(now);
            c.PumpOther(now);
        }
    }

    /// <summary>Lines in use over every connection (IB's budget is per user, shared by all clients).</summary>
    internal int LinesInUse()
    {
        int n = 0;
        foreach (SimConnection c in Connections)
        {
            n += c.LinesInUse;
        }

        return n;
    }

    /// <summary>Serialises tick-by-tick admissions (the allowance is per user, over all connections).</summary>
    internal Lock TickByTickGate { get; } = new();

    /// <summary>Tick-by-tick subscriptions over every connection.</summary>
    internal int TickByTickInUse()
    {
        int n = 0;
        foreach (SimConnection c in Connections)
        {
            n += c.TickByTickInUse;
        }

        return n;
    }

    internal bool IsUnsubscribed(string symbol)
        => Options.UnsubscribedSymbols.Contains(symbol, StringComparer.OrdinalIgnoreCase);

    /// <summary>tickSnapshotEnd after <paramref name="seconds"/> of market time (IB's collection window).</summary>
    internal void ScheduleSnapshotEnd(SimConnection connection, int reqId, double seconds)
    {
        ITimer? timer = null;
        timer = Clock.CreateTimer(_ =>
        {
            connection.EndSnapshot(reqId);
            timer?.Dispose();
        }, null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
    }
}
