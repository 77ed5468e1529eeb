using System.Net;
using System.Net.Sockets;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Benchmarks;

/// <summary>
/// The gateway side of the client benchmarks, over loopback TCP: handshake, start-up replies, records the
/// reqMktData ids, answers heartbeats, and sends whatever pre-encoded frames the benchmark hands it. Every write to
/// the socket goes through one lock, so a heartbeat reply can never interleave with a burst (which would corrupt
/// the stream and make the client reset the connection). Not IB-faithful: no pacing, no market model.
/// </summary>
internal sealed class BenchGateway : IRequestHandler, IAsyncDisposable
{
    private const int Version = 187;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Lock _sendGate = new();
    private readonly List<int> _reqIds = [];
    private Socket? _socket;
    private Task? _serve;

    public BenchGateway() => _listener.Start();

    /// <summary>The port the client must connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Server version spoken (frames must be encoded for it).</summary>
    public static int ServerVersion => Version;

    /// <summary>
    /// Client settings for every client benchmark: <paramref name="lines"/> streaming lines plus IB's 10 reserved, and
    /// no heartbeat during a run (on a loaded machine one run can outlast a heartbeat period, and a late reply would
    /// reset the connection mid-benchmark).
    /// </summary>
    public static TwsClientOptions ClientOptions(int port, int lines) => new()
    {
        Port = port,
        ClientId = 1,
        MaxLines = lines + 10,
        ReservedLines = 10,
        HeartbeatInterval = TimeSpan.FromHours(1),
        ConnectTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Accepts the client; call before awaiting the client's connect.</summary>
    public async Task AcceptAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        _socket = await _listener.AcceptSocketAsync(cts.Token).ConfigureAwait(false);
        _socket.NoDelay = true;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _serve = Task.Run(ServeAsync);
    }

    /// <summary>The market-data request ids seen so far, in arrival order; waits until there are <paramref name="count"/>.</summary>
    public int[] WaitForSubscriptions(int count, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            lock (_reqIds)
            {
                if (_reqIds.Count >= count)
                {
                    return [.. _reqIds.Take(count)];
                }

                if (Environment.TickCount64 > deadline || _serve is { IsCompleted: true })
                {
                    throw new InvalidOperationException(
                        $"The client sent {_reqIds.Count} of {count} market-data requests within {timeout.TotalSeconds} s"
                        + (_serve is { IsFaulted: true } ? $" (gateway loop failed: {_serve.Exception?.GetBaseException().Message})." : "."));
                }
            }

            Thread.Sleep(5);
        }
    }

    /// <summary>Writes <paramref name="frames"/> (whole frames) to the client.</summary>
    public void Send(ReadOnlySpan<byte> frames)
    {
        Socket socket = _socket ?? throw new InvalidOperationException("No client accepted yet.");
        lock (_sendGate)
        {
            while (!frames.IsEmpty)
            {
                int n = socket.Send(frames);
                frames = frames[n..];
            }
        }
    }

    public void OnStartApi(StartApi m)
    {
        Reply(new NextValidId(1));
        Reply(new ManagedAccounts("DU1"));
    }

    public void OnReqCurrentTime(ReqCurrentTime m) => Reply(new CurrentTime(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public void OnReqMktData(ReqMktData m)
    {
        lock (_reqIds)
        {
            _reqIds.Add(m.ReqId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _listener.Stop();
        if (_serve is not null)
        {
            await _serve.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Reply(IWireMessage m)
    {
        var w = new MessageWriter();
        m.Encode(w, Version);
        Send(w.WrittenSpan);
    }

    private async Task ServeAsync()
    {
        Socket socket = _socket!;
        var buffer = new byte[64 * 1024];
        int filled = 0;
        bool prefix = false;
        bool hello = false;
        while (true)
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

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
                    Handshake.WriteServerHello(w, Version, "20260105 09:30:00 EST");
                    Send(w.WrittenSpan);
                }
                else
                {
                    RequestDecoder.Decode(payload, Version, this);
                }

                offset += used;
            }

            Array.Copy(buffer, offset, buffer, 0, filled - offset);
            filled -= offset;
        }
    }
}
