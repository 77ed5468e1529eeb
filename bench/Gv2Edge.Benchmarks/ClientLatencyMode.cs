using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- latency [seconds] [--local] [--reader-thread]</c>: tick-to-subscriber
/// latency at 200 subscriptions over loopback TCP, at IB's cadence (one update per instrument every 250 ms, 800
/// ticks/s) and at a burst of 50,000 ticks/s, each for <c>seconds</c> (default 10). The source is the gateway
/// simulator's load mode (<see cref="SimLatencyRun"/>: stamped 1 ms batches), or with <c>--local</c> a bench-local
/// gateway whose every frame carries its sequence number (<see cref="LatencyPhase"/>). Two subscribers are measured: the
/// <see cref="MarketDataSubscription.Updated"/> callback (on the socket reader) and a consumer of
/// <see cref="TwsClient.Updates"/> (a separate task, the radar's path; coalesced, so it sees the latest tick of a
/// busy instrument, not every tick). Latency = subscriber's timestamp − the sender's timestamp just before the
/// frame was written to the socket. <c>--reader-thread</c> runs the simulator phases with
/// <see cref="TwsClientOptions.ReaderThread"/> on.
/// </summary>
internal static class ClientLatencyMode
{
    private const int Subscriptions = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out double s) && s > 0 ? s : 10;
        bool local = args.Contains("--local");
        bool readerThread = args.Contains("--reader-thread");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, loopback TCP, {Subscriptions} subscriptions, {seconds} s per phase, reader thread {(readerThread ? "on" : "off")}");
        Console.WriteLine(Header);
        return local ? await RunLocalAsync(seconds).ConfigureAwait(false) : await RunSimulatorAsync(seconds, readerThread).ConfigureAwait(false);
    }

    private static readonly string Header =
        $"{"phase",-24} {"subscriber",-9} {"samples",8} {"missing",8} {"p50 µs",8} {"p90 µs",8} {"p99 µs",8} {"p99.9 µs",9} {"max µs",9}";

    /// <summary>Against the gateway simulator's load mode (stamped batches); the default source.</summary>
    private static async Task<int> RunSimulatorAsync(double seconds, bool readerThread)
    {
        foreach ((string name, double rate) in new[] { ("sim, IB cadence 200 × 4/s", Subscriptions * 4.0), ("sim, burst 50,000/s", 50_000.0) })
        {
            SimLatencyRun.Result r = await SimLatencyRun.RunAsync(Subscriptions, rate, TimeSpan.FromSeconds(seconds), readerThread).ConfigureAwait(false);
            Print(name, "callback", r.Callback, 0);
            Print(name, "channel", r.Channel, 0);
            Print("  of which to the reader", "callback", r.Wire, 0);
            Print("  of which in the client", "callback", r.InClient, 0);
            Console.WriteLine($"    simulator: {r.Load?.FramesSent:N0} frames sent, {r.Load?.FramesBehind:N0} behind");
        }

        return 0;
    }

    /// <summary>Against the bench-local gateway: every frame carries its sequence, so every tick is measured.</summary>
    private static async Task<int> RunLocalAsync(double seconds)
    {
        await using var gateway = new BenchGateway();
        LatencyPhase? current = null;
        var client = new TwsClient(BenchGateway.ClientOptions(gateway.Port, Subscriptions));
        await using (client.ConfigureAwait(false))
        {
            Task accept = gateway.AcceptAsync(TimeSpan.FromSeconds(60));
            await client.ConnectAsync().ConfigureAwait(false);
            await accept.ConfigureAwait(false);
            Action<MarketDataSubscription> onUpdate = sub => Volatile.Read(ref current)?.SeenByCallback(Sequence(sub), Stopwatch.GetTimestamp());
            for (int i = 0; i < Subscriptions; i++)
            {
                client.Subscribe(new Contract { Symbol = $"S{i}", SecType = "STK", Exchange = "SMART", Currency = "USD" }, updated: onUpdate);
            }

            int[] ids = gateway.WaitForSubscriptions(Subscriptions, TimeSpan.FromSeconds(60));
            using var stop = new CancellationTokenSource();
            Task consumer = Task.Run(() => ConsumeAsync(client.Updates, () => Volatile.Read(ref current), stop.Token));

            long seq = 1;
            LatencyPhase[] phases =
            [
                new("warm-up (not reported)", ids, seq, 50_000, TimeSpan.FromSeconds(2)),
                new("local, IB cadence 200 × 4/s", ids, seq += 100_000, Subscriptions * 4, TimeSpan.FromSeconds(seconds)),
                new("local, burst 50,000/s", ids, seq += 100_000, 50_000, TimeSpan.FromSeconds(seconds)),
            ];
            foreach (LatencyPhase phase in phases)
            {
                Volatile.Write(ref current, phase);
                phase.Send(gateway);
                await Task.Delay(500).ConfigureAwait(false);
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await consumer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (LatencyPhase phase in phases[1..])
            {
                foreach (bool channel in new[] { false, true })
                {
                    (double[] us, int missing) = phase.Latencies(channel);
                    Print(phase.Name, channel ? "channel" : "callback", us, missing);
                }
            }
        }

        return 0;
    }

    private static long Sequence(MarketDataSubscription sub)
    {
        TickerQuote q = sub.Ticker.ReadQuote();
        return (long)Math.Max(q.BidSize ?? 0, q.Volume ?? 0);
    }

    private static async Task ConsumeAsync(ChannelReader<MarketDataSubscription> updates, Func<LatencyPhase?> phase, CancellationToken token)
    {
        while (await updates.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (updates.TryRead(out MarketDataSubscription? sub))
            {
                phase()?.SeenByChannel(Sequence(sub), Stopwatch.GetTimestamp());
            }
        }
    }

    internal static void Print(string phase, string who, double[] us, int missing)
    {
        if (us.Length == 0)
        {
            Console.WriteLine($"{phase,-24} {who,-9} no samples");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase,-24} {who,-9} {us.Length,8} {missing,8} {P(us, 0.50),8:0.0} {P(us, 0.90),8:0.0} {P(us, 0.99),8:0.0} {P(us, 0.999),9:0.0} {us[^1],9:0.0}"));
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
