using System.Buffers;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// End-to-end client throughput: a loopback TCP server streams pre-encoded level-1 frames (tickPrice/tickSize,
/// round robin over the subscriptions) into a connected <see cref="TwsClient"/>; one operation is one message,
/// counted done when every ticker has applied it. Run:
/// <c>dotnet run -c Release --project bench/Gv2Edge.Benchmarks -- --filter '*ClientThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ClientThroughputBenchmarks
{
    private const int Frames = 200_000;
    private const int Tickers = 10;

    private TcpListener _listener = null!;
    private Socket _server = null!;
    private TwsClient _client = null!;
    private MarketDataSubscription[] _subs = [];
    private byte[] _payload = [];
    private readonly List<int> _reqIds = [];

    [GlobalSetup]
    public void Setup()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        int port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Task<Socket> accept = _listener.AcceptSocketAsync();
        _client = new TwsClient(new TwsClientOptions { Port = port, ClientId = 1 });
        Task connect = _client.ConnectAsync();
        _server = accept.GetAwaiter().GetResult();
        _server.NoDelay = true;
        _ = Task.Run(ServeAsync);
        connect.GetAwaiter().GetResult();
        _subs = Enumerable.Range(0, Tickers)
            .Select(i => _client.Subscribe(new Contract { Symbol = $"S{i}", SecType = "STK", Exchange = "SMART", Currency = "USD" }))
            .ToArray();
        SpinWait.SpinUntil(() => { lock (_reqIds) { return _reqIds.Count == Tickers; } }, TimeSpan.FromSeconds(30));
        var w = new MessageWriter(Frames * 32);
        for (int i = 0; i < Frames; i++)
        {
            int id = _reqIds[i % Tickers];
            if (i % 2 == 0)
            {
                new TickPrice(id, 1 + (i % 3), 100 + (i % 100) * 0.01, 100 + (i % 7), 0).Encode(w, 187);
            }
            else
            {
                new TickSize(id, 8, 1_000_000 + i).Encode(w, 187);
            }
        }

        _payload = w.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public void StreamFramesUntilEveryTickerUpdated()
    {
        long target = _subs.Sum(s => s.Ticker.Snapshot().UpdateCount) + Frames;
        _server.Send(_payload);
        var spin = default(SpinWait);
        while (_subs.Sum(s => s.Ticker.Snapshot().UpdateCount) < target)
        {
            spin.SpinOnce(-1);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
        _listener.Stop();
    }

    /// <summary>Minimal gateway side: handshake, start-up replies, records reqMktData ids, answers heartbeats.</summary>
    private async Task ServeAsync()
    {
        var buffer = new byte[64 * 1024];
        int filled = 0;
        bool prefix = false;
        bool hello = false;
        var handler = new Handler(this);
        while (true)
        {
            int n = await _server.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            filled += n;
            int offset = 0;
            if (!prefix && filled >= 4)
            {
                prefix = true;
                offset = 4;
            }

            while (true)
            {
                int used = Framing.TryReadFrame(buffer.AsSpan(offset, filled - offset), out ReadOnlySpan<byte> payload);
                if (used == 0)
                {
                    break;
                }

                if (!hello)
                {
                    hello = true;
                    var w = new MessageWriter();
                    Handshake.WriteServerHello(w, 187, "20260105 09:30:00 EST");
                    _server.Send(w.WrittenSpan);
                }
                else
                {
                    RequestDecoder.Decode(payload, 187, handler);
                }

                offset += used;
            }

            Array.Copy(buffer, offset, buffer, 0, filled - offset);
            filled -= offset;
        }
    }

    private void Reply(IWireMessage m)
    {
        var w = new MessageWriter();
        m.Encode(w, 187);
        lock (_server)
        {
            _server.Send(w.WrittenSpan);
        }
    }

    private sealed class Handler(ClientThroughputBenchmarks owner) : IRequestHandler
    {
        public void OnStartApi(StartApi m)
        {
            owner.Reply(new NextValidId(1));
            owner.Reply(new ManagedAccounts("DU1"));
        }

        public void OnReqCurrentTime(ReqCurrentTime m) => owner.Reply(new CurrentTime(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        public void OnReqMktData(ReqMktData m)
        {
            lock (owner._reqIds)
            {
                owner._reqIds.Add(m.ReqId);
            }
        }
    }
}
