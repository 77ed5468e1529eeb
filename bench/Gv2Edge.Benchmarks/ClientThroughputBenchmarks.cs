using BenchmarkDotNet.Attributes;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// End-to-end client throughput: a loopback TCP gateway (<see cref="BenchGateway"/>) streams pre-encoded level-1
/// frames (tickPrice/tickSize, round robin over 90 subscriptions: every streaming line of IB's default 100, 10 being kept in reserve) into a connected
/// <see cref="TwsClient"/>; one operation is one message, counted done when every ticker has applied it. Run:
/// <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- --filter '*ClientThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ClientThroughputBenchmarks
{
    private const int Frames = 200_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ClientThroughputRig _rig = null!;

    [GlobalSetup]
    public void Setup() => _rig = ClientThroughputRig.Start(tickers: 90, frames: Frames);

    [Benchmark(OperationsPerInvoke = Frames)]
    public void StreamFramesUntilEveryTickerUpdated() => _rig.SendAndWait(Timeout);

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// A connected client, its gateway and one pre-encoded burst; shared by the BenchmarkDotNet benchmark and the
/// quick <c>throughput</c> mode of the bench program.
/// </summary>
internal sealed class ClientThroughputRig : IAsyncDisposable
{
    private readonly BenchGateway _gateway;
    private readonly TwsClient _client;
    private readonly MarketDataSubscription[] _subs;
    private readonly byte[] _payload;
    private readonly int _frames;

    private ClientThroughputRig(BenchGateway gateway, TwsClient client, MarketDataSubscription[] subs, byte[] payload, int frames)
    {
        _gateway = gateway;
        _client = client;
        _subs = subs;
        _payload = payload;
        _frames = frames;
    }

    /// <summary>Bytes per burst (frames with their headers).</summary>
    public int PayloadBytes => _payload.Length;

    /// <summary>Connects a client with <paramref name="tickers"/> subscriptions and encodes a burst of <paramref name="frames"/>.</summary>
    public static ClientThroughputRig Start(int tickers, int frames)
    {
        var gateway = new BenchGateway();
        var client = new TwsClient(BenchGateway.ClientOptions(gateway.Port, tickers));
        Task accept = gateway.AcceptAsync(TimeSpan.FromSeconds(60));
        Task connect = client.ConnectAsync();
        accept.GetAwaiter().GetResult();
        connect.GetAwaiter().GetResult();
        MarketDataSubscription[] subs = Enumerable.Range(0, tickers)
            .Select(i => client.Subscribe(new Contract { Symbol = $"S{i}", SecType = "STK", Exchange = "SMART", Currency = "USD" }))
            .ToArray();
        // The paced writer sends 45 requests a second, so 90 subscriptions take about 2 s.
        int[] ids = gateway.WaitForSubscriptions(tickers, TimeSpan.FromSeconds(60));
        return new ClientThroughputRig(gateway, client, subs, Encode(ids, frames), frames);
    }

    /// <summary>
    /// Sends the burst and returns once every ticker has applied its share of it. Spins while waiting (lowest
    /// latency to notice the end), or with <paramref name="sleep"/> sleeps 1 ms at a time so the waiting thread
    /// burns no CPU and the process's CPU time is the client's and the sender's work.
    /// </summary>
    public void SendAndWait(TimeSpan timeout, bool sleep = false)
    {
        long target = TotalUpdates() + _frames;
        _gateway.Send(_payload);
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var spin = default(SpinWait);
        while (TotalUpdates() < target)
        {
            if (Environment.TickCount64 > deadline)
            {
                TwsClientStats s = _client.GetStats();
                throw new TimeoutException(
                    $"Only {TotalUpdates() - (target - _frames)} of {_frames} ticks applied within {timeout.TotalSeconds} s "
                    + $"(client {s.State}, {s.MessagesIn} messages in, {s.Disconnections} disconnections).");
            }

            if (sleep)
            {
                Thread.Sleep(1);
            }
            else
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        await _gateway.DisposeAsync().ConfigureAwait(false);
    }

    private long TotalUpdates()
    {
        long sum = 0;
        foreach (MarketDataSubscription s in _subs)
        {
            sum += s.Ticker.UpdateCount;
        }

        return sum;
    }

    private static byte[] Encode(int[] ids, int frames)
    {
        var w = new MessageWriter(frames * 32);
        for (int i = 0; i < frames; i++)
        {
            int id = ids[i % ids.Length];
            if (i % 2 == 0)
            {
                new TickPrice(id, (i % 3) switch { 0 => 1, 1 => 2, _ => 4 }, 100 + (i % 100) * 0.01, 100 + (i % 7), 0).Encode(w, BenchGateway.ServerVersion);
            }
            else
            {
                new TickSize(id, 8, 1_000_000 + i).Encode(w, BenchGateway.ServerVersion);
            }
        }

        return w.ToArray();
    }
}
