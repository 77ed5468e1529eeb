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
/// Each callback sample is also split at the moment the client's reader got the bytes (the ticker's
/// <see cref="Ticker.LastUpdateTimestamp"/>, taken once per socket read): <c>Wire</c> is the stamp to that moment (the
/// simulator's write, loopback and the reader's wake-up), <c>InClient</c> that moment to the callback (framing,
/// decoding and dispatching the frames ahead of it in the same read).
/// </summary>
internal static class SimLatencyRun
{
    private const int StampTick = 87;

    public static async Task<Result> RunAsync(int subscriptions, double rate, TimeSpan duration, bool readerThread = false)
    {
        var load = new LoadOptions { TicksPerSecond = rate, StampTickType = StampTick, MovePercent = 0 };
        await using LoadedGateway gateway = await LoadedGateway.StartAsync(subscriptions, load, readerThread).ConfigureAwait(false);
        GatewaySimulator sim = gateway.Sim;
        TwsClient client = gateway.Client;
        {
            var callback = new Recorder((int)(rate * duration.TotalSeconds * 2) + 1024);
            var channel = new Recorder(callback.Capacity);
            var wire = new Recorder(callback.Capacity);
            var inClient = new Recorder(callback.Capacity);
            Recorder[] all = [callback, channel, wire, inClient];
            var lastSeen = new Dictionary<MarketDataSubscription, decimal>();
            Action<MarketDataSubscription> onUpdate = sub =>
            {
                // On the socket reader: the stamp field cannot change under us.
                if (sub.Ticker.AverageOptionVolumeOnReader is { } stamp && (!lastSeen.TryGetValue(sub, out decimal prev) || prev != stamp))
                {
                    lastSeen[sub] = stamp;
                    long now = Stopwatch.GetTimestamp();
                    long read = sub.Ticker.LastUpdateTimestamp;
                    callback.Add(now - (long)stamp);
                    wire.Add(read - (long)stamp);
                    inClient.Add(now - read);
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
            Array.ForEach(all, r => r.Start());
            await Task.Delay(duration).ConfigureAwait(false);
            Array.ForEach(all, r => r.Stop());
            await stop.CancelAsync().ConfigureAwait(false);
            await consumer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return new Result(callback.Micros(), channel.Micros(), wire.Micros(), inClient.Micros(), sim.LoadStatistics);
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

    /// <summary>Sorted latencies in µs per subscriber, and the callback's split at the reader's socket read.</summary>
    internal sealed record Result(double[] Callback, double[] Channel, double[] Wire, double[] InClient, LoadStatistics? Load);

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
