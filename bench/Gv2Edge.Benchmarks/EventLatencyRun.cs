using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Live;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Load;
using Gv2Edge.Tws.Simulator.Market;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- events [seconds]</c>: tick-to-event latency, the event
/// stage on top of <see cref="SimLatencyRun"/>. Same source (the simulator's load mode over loopback TCP, 200 lines,
/// stamped 1 ms batches, at IB's cadence and at 50,000 ticks/s); the client's coalescing updates channel is drained
/// into <see cref="StreamingEngine.OnTick(SymbolId, in QuoteTick)"/> exactly as <c>ClientMarketDataLines.PumpAsync</c>
/// does (snapshot → <see cref="TickerQuoteAdapter"/> → store + detectors). Thresholds are set so events are frequent
/// (NEW_HIGH on any new high, no cooldowns) while the load cycle walks prices up and down.
/// Two stages: <c>engine</c> = the event is in the consumers' channels (measured on the engine thread right after
/// <c>OnTick</c>); <c>consumer</c> = a consumer task has read it. Latency = that moment − the simulator's stamp of the
/// batch that carried the symbol's latest frame (taken before the snapshot, so never optimistic).
/// </summary>
internal static class EventLatencyRun
{
    private const int Subscriptions = 200;
    private const int StampTick = 87;

    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out double s) && s > 0 ? s : 20;
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, loopback TCP, {Subscriptions} subscriptions, {seconds} s per phase");
        foreach ((string name, double rate) in new[] { ("events, IB cadence 200 × 4/s", Subscriptions * 4.0), ("events, burst 50,000/s", 50_000.0) })
        {
            await RunPhaseAsync(name, rate, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task RunPhaseAsync(string name, double rate, TimeSpan duration)
    {
        // A short cycle so the up-leg comes round within a phase even at 4 frames per line per second.
        var load = new LoadOptions { TicksPerSecond = rate, StampTickType = StampTick, MovePercent = 3, CycleFrames = 64 };
        await using LoadedGateway gateway = await LoadedGateway.StartAsync(Subscriptions, load).ConfigureAwait(false);
        GatewaySimulator sim = gateway.Sim;
        TwsClient client = gateway.Client;
        {
            var detectors = DetectorOptions.Default with { Cooldown = TimeSpan.Zero, NewHighCooldown = TimeSpan.Zero, NewHighMinStepPct = 0 };
            var store = new SymbolStateStore(detectors, new SessionClock());
            var streaming = new StreamingOptions { ChannelCapacity = 1 << 20 };
            var engine = new StreamingEngine(store, new HotList(streaming, TimeProvider.System), streaming, TimeProvider.System);
            ChannelReader<RadarEvent> engineStage = engine.AddConsumer("bench-engine");
            ChannelReader<RadarEvent> consumerStage = engine.AddConsumer("bench-consumer");
            int capacity = (int)(rate * duration.TotalSeconds * 4) + 4096;
            var atEngine = new SimLatencyRun.Recorder(capacity);
            var atConsumer = new SimLatencyRun.Recorder(capacity);
            var stamps = new ConcurrentQueue<long>();

            // Per line: the stamp of the batch that carried its latest frame (set on the socket reader).
            var index = new ConcurrentDictionary<MarketDataSubscription, int>();
            var ids = new SymbolId[Subscriptions];
            long[] stampOf = new long[Subscriptions];
            long latest = 0;
            Action<MarketDataSubscription> onUpdate = sub =>
            {
                if (sub.Ticker.AverageOptionVolumeOnReader is { } stamp && (long)stamp > latest)
                {
                    latest = (long)stamp;
                }

                if (index.TryGetValue(sub, out int i))
                {
                    Volatile.Write(ref stampOf[i], latest);
                }
            };
            var subs = new MarketDataSubscription[Subscriptions];
            StockInfo[] stocks = [.. Universe.Default.Stocks.Take(Subscriptions)];
            for (int i = 0; i < stocks.Length; i++)
            {
                ids[i] = store.Intern(stocks[i].Symbol);
                subs[i] = client.Subscribe(LoadedGateway.Stock(stocks[i].Symbol), updated: onUpdate);
                index[subs[i]] = i;
            }

            using var stop = new CancellationTokenSource();
            Task pump = Task.Run(() => PumpAsync(client, engine, index, ids, stampOf, engineStage, atEngine, stamps, stop.Token));
            Task consumer = Task.Run(() => ConsumeAsync(consumerStage, atConsumer, stamps, stop.Token));
            long deadline = Environment.TickCount64 + 60_000;
            while (subs.Any(s => s.Ticker.UpdateCount == 0) && Environment.TickCount64 < deadline)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            await Task.Delay(1000).ConfigureAwait(false); // warm-up, not reported
            atEngine.Start();
            atConsumer.Start();
            await Task.Delay(duration).ConfigureAwait(false);
            atEngine.Stop();
            atConsumer.Stop();
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pump, consumer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ClientLatencyMode.Print(name, "engine", atEngine.Micros(), 0);
            ClientLatencyMode.Print(name, "consumer", atConsumer.Micros(), 0);
            StreamSummary summary = engine.Summary();
            Console.WriteLine($"    engine: {summary.Ticks:N0} ticks, {summary.Events.Values.Sum():N0} events, {engine.Events.Dropped:N0} dropped; simulator: {sim.LoadStatistics?.FramesSent:N0} frames sent, {sim.LoadStatistics?.FramesBehind:N0} behind");
        }
    }

    /// <summary>What <c>ClientMarketDataLines.PumpAsync</c> does, plus the stamp bookkeeping.</summary>
    private static async Task PumpAsync(TwsClient client, StreamingEngine engine, ConcurrentDictionary<MarketDataSubscription, int> index, SymbolId[] ids,
        long[] stampOf, ChannelReader<RadarEvent> engineStage, SimLatencyRun.Recorder recorder, ConcurrentQueue<long> stamps, CancellationToken token)
    {
        ChannelReader<MarketDataSubscription> updates = client.Updates;
        try
        {
            while (await updates.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (updates.TryRead(out MarketDataSubscription? sub))
                {
                    if (!index.TryGetValue(sub, out int i))
                    {
                        continue;
                    }

                    long sent = Volatile.Read(ref stampOf[i]);
                    TickerSnapshot snap = sub.Ticker.Snapshot();
                    QuoteTick tick = TickerQuoteAdapter.ToQuoteTick(snap, TimeProvider.System.GetUtcNow());
                    engine.OnTick(ids[i], in tick);
                    while (engineStage.TryRead(out _))
                    {
                        if (sent != 0)
                        {
                            recorder.Add(Stopwatch.GetTimestamp() - sent);
                        }

                        stamps.Enqueue(sent);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private static async Task ConsumeAsync(ChannelReader<RadarEvent> reader, SimLatencyRun.Recorder recorder, ConcurrentQueue<long> stamps, CancellationToken token)
    {
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out _))
                {
                    long now = Stopwatch.GetTimestamp();
                    long sent;
                    var spin = default(SpinWait);
                    while (!stamps.TryDequeue(out sent))
                    {
                        spin.SpinOnce(); // the engine thread queues the stamp right after publishing
                    }

                    if (sent != 0)
                    {
                        recorder.Add(now - sent);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
