using System.Diagnostics;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Load;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// One latency phase against the gateway simulator's load mode (in this process, system clock): 200 streaming lines
/// fed pre-encoded level-1 frames at <c>rate</c> frames/s in total; the first frame of each 1 ms batch is a tick-87
/// stamp holding the simulator's <see cref="Stopwatch.GetTimestamp"/> when the batch was queued. The callback
/// subscriber measures every stamp it sees; the updates-channel consumer measures the newest stamp when it reads.
/// </summary>
internal static class SimLatencyRun
{
    private const int StampTick = 87;

    public static async Task<(double[] Callback, double[] Channel, LoadStatistics? Load)> RunAsync(int subscriptions, double rate, TimeSpan duration)
    {
        var load = new LoadOptions { TicksPerSecond = rate, StampTickType = StampTick, MovePercent = 0 };
        await using LoadedGateway gateway = await LoadedGateway.StartAsync(subscriptions, load).ConfigureAwait(false);
        GatewaySimulator sim = gateway.Sim;
        TwsClient client = gateway.Client;
        {
            var callback = new Recorder((int)(rate * duration.TotalSeconds * 2) + 1024);
            var channel = new Recorder(callback.Capacity);
            var lastSeen = new Dictionary<MarketDataSubscription, decimal>();
            Action<MarketDataSubscription> onUpdate = sub =>
            {
                // On the socket reader: the stamp field cannot change under us.
                if (sub.Ticker.AverageOptionVolumeOnReader is { } stamp && (!lastSeen.TryGetValue(sub, out decimal prev) || prev != stamp))
                {
                    lastSeen[sub] = stamp;
                    callback.Add(Stopwatch.GetTimestamp() - (long)stamp);
                }
            };
            MarketDataSubscription[] subs = Universe.Default.Stocks.Take(subscriptions)
                .Select(s => client.Subscribe(LoadedGateway.Stock(s.Symbol), updated: onUpdate))
                .ToArray();
            using var stop = new CancellationTokenSource();
            Task consumer = Task.Run(() => ConsumeAsync(client, channel, stop.Token));
            long deadline = Environment.TickCount64 + 60_000;
            while (subs.Any(s => s.Ticker.UpdateCount == 0) && Environment.TickCount64 < deadline)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            await Task.Delay(1000).ConfigureAwait(false); // warm-up, not reported
            callback.Start();
            channel.Start();
            await Task.Delay(duration).ConfigureAwait(false);
            callback.Stop();
            channel.Stop();
            await stop.CancelAsync().ConfigureAwait(false);
            await consumer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return (callback.Micros(), channel.Micros(), sim.LoadStatistics);
        }
    }

    private static async Task ConsumeAsync(TwsClient client, Recorder recorder, CancellationToken token)
    {
        var lastSeen = new Dictionary<MarketDataSubscription, decimal>();
        while (await client.Updates.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (client.Updates.TryRead(out MarketDataSubscription? sub))
            {
                if (sub.Ticker.Snapshot().AverageOptionVolume is { } stamp
                    && (!lastSeen.TryGetValue(sub, out decimal prev) || prev != stamp))
                {
                    lastSeen[sub] = stamp;
                    recorder.Add(Stopwatch.GetTimestamp() - (long)stamp);
                }
            }
        }
    }

    /// <summary>Latencies in Stopwatch ticks, kept only between Start and Stop; preallocated, one writer.</summary>
    internal sealed class Recorder(int capacity)
    {
        private readonly long[] _ticks = new long[capacity];
        private int _count;
        private volatile bool _on;

        public int Capacity => capacity;

        public void Start() => _on = true;

        public void Stop() => _on = false;

        public void Add(long ticks)
        {
            if (_on && _count < _ticks.Length)
            {
                _ticks[_count++] = ticks;
            }
        }

        public double[] Micros()
        {
            double[] us = _ticks.AsSpan(0, _count).ToArray().Select(t => t * 1e6 / Stopwatch.Frequency).ToArray();
            Array.Sort(us);
            return us;
        }
    }
}
