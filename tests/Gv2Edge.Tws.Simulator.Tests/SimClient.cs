using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// The client side of the conformance tests, written with the protocol's own encoders and decoders (never the
/// Gv2Edge.Tws client): sends raw frames, records every frame that comes back, raw and decoded.
/// </summary>
internal sealed class SimClient : IAsyncDisposable, IIncomingHandler
{
    private readonly IDuplexPipe _pipe;
    private readonly Socket? _socket;
    private readonly List<byte[]> _frames = [];
    private readonly List<object> _messages = [];
    private readonly Lock _gate = new();
    private readonly MessageWriter _writer = new();
    private Task _reader = Task.CompletedTask;
    private byte[]? _hello;

    private SimClient(IDuplexPipe pipe, Socket? socket)
    {
        _pipe = pipe;
        _socket = socket;
    }

    public int ServerVersion { get; private set; }

    public string ConnectionTime { get; private set; } = "";

    /// <summary>True once the server closed the connection.</summary>
    public bool Closed { get; private set; }

    public static SimClient Over(IDuplexPipe pipe)
    {
        var client = new SimClient(pipe, null);
        client._reader = client.ReadLoopAsync();
        return client;
    }

    public static async Task<SimClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var client = new SimClient(new PipeTransport(PipeReader.Create(stream), PipeWriter.Create(stream)), socket);
        client._reader = client.ReadLoopAsync();
        return client;
    }

    /// <summary>Connects over loopback TCP to a started simulator, then handshakes and starts the API.</summary>
    public static async Task<SimClient> ConnectTcpAsync(GatewaySimulator sim, int clientId = 1, string range = "v157..187")
    {
        SimClient client = await ConnectAsync(sim.Port);
        await client.HandshakeAsync(range);
        await client.StartApiAsync(clientId);
        return client;
    }

    public static async Task<SimClient> ConnectInMemoryAsync(GatewaySimulator sim, int clientId = 1, string range = "v157..187")
    {
        SimClient client = Over(sim.ConnectInMemory());
        await client.HandshakeAsync(range);
        await client.StartApiAsync(clientId);
        return client;
    }

    public IReadOnlyList<object> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<byte[]> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _pipe.Output.WriteAsync(bytes);
    }

    public Task SendAsync(Action<MessageWriter, int> encode)
    {
        byte[] bytes;
        lock (_writer)
        {
            _writer.Reset();
            encode(_writer, ServerVersion);
            bytes = _writer.ToArray();
        }

        return SendRawAsync(bytes);
    }

    public async Task<(int Version, string Time)> HandshakeAsync(string range = "v157..187")
    {
        var w = new MessageWriter();
        w.WriteRaw(Handshake.Prefix);
        w.BeginMessage();
        w.WriteRaw(System.Text.Encoding.ASCII.GetBytes(range));
        w.EndMessage();
        await SendRawAsync(w.ToArray());
        await Wait.UntilAsync("the handshake reply", () => _hello is not null || Closed);
        if (_hello is null)
        {
            throw new InvalidOperationException("The server closed the connection during the handshake.");
        }

        (int version, string time) = Handshake.ReadServerHello(_hello);
        ServerVersion = version;
        ConnectionTime = time;
        return (version, time);
    }

    public async Task StartApiAsync(int clientId)
    {
        await SendAsync((w, v) => new StartApi(clientId).Encode(w, v));
        await Wait.UntilAsync("nextValidId and managedAccounts",
            () => (Has<NextValidId>() && Has<ManagedAccounts>()) || Closed);
    }

    public bool Has<T>(Func<T, bool>? predicate = null) => Messages.OfType<T>().Any(m => predicate is null || predicate(m));

    public IReadOnlyList<T> All<T>(Func<T, bool>? predicate = null) => [.. Messages.OfType<T>().Where(m => predicate is null || predicate(m))];

    public async Task<T> WaitForAsync<T>(string reason, Func<T, bool>? predicate = null)
    {
        await Wait.UntilAsync(reason, () => Has(predicate));
        return All(predicate)[0];
    }

    /// <summary>The hello frame's bytes (length prefix excluded).</summary>
    public byte[]? HelloPayload => _hello;

    /// <summary>
    /// Waits until everything the server sent so far has been read (a currentTime round trip: replies come in order),
    /// then forgets it, so a test sees only the replies to what it sends next.
    /// </summary>
    public async Task SettleAsync()
    {
        int before = All<CurrentTime>().Count;
        await SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await Wait.UntilAsync("the settling currentTime", () => All<CurrentTime>().Count > before);
        Clear();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
            _frames.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _pipe.Output.CompleteAsync();
        _socket?.Dispose();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        PipeReader input = _pipe.Input;
        try
        {
            while (true)
            {
                ReadResult result = await input.ReadAsync();
                ReadOnlySequence<byte> buffer = result.Buffer;
                while (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
                {
                    byte[] bytes = payload.ToArray();
                    if (_hello is null)
                    {
                        _hello = bytes;
                        continue;
                    }

                    lock (_gate)
                    {
                        _frames.Add(bytes);
                    }

                    try
                    {
                        IncomingDecoder.Decode(bytes, ServerVersion, this);
                    }
                    catch (ProtocolException)
                    {
                        Add(new Malformed(bytes));
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            Closed = true;
        }
    }

    private void Add(object message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    public void OnTickPrice(in TickPrice m) => Add(m);

    public void OnTickSize(in TickSize m) => Add(m);

    public void OnTickString(in TickString m) => Add(m);

    public void OnTickGeneric(in TickGeneric m) => Add(m);

    public void OnTickOptionComputation(in TickOptionComputation m) => Add(m);

    public void OnTickSnapshotEnd(TickSnapshotEnd m) => Add(m);

    public void OnMarketDataType(MarketDataTypeMessage m) => Add(m);

    public void OnTickReqParams(TickReqParams m) => Add(m);

    public void OnError(ErrorMessage m) => Add(m);

    public void OnNextValidId(NextValidId m) => Add(m);

    public void OnManagedAccounts(ManagedAccounts m) => Add(m);

    public void OnCurrentTime(CurrentTime m) => Add(m);

    public void OnContractData(ContractData m) => Add(m);

    public void OnContractDataEnd(ContractDataEnd m) => Add(m);

    public void OnHistoricalData(HistoricalData m) => Add(m);

    public void OnHistoricalDataUpdate(HistoricalDataUpdate m) => Add(m);

    public void OnSecurityDefinitionOptionParameter(SecurityDefinitionOptionParameter m) => Add(m);

    public void OnSecurityDefinitionOptionParameterEnd(SecurityDefinitionOptionParameterEnd m) => Add(m);

    public void OnTickByTick(TickByTick m) => Add(m);

    public void OnScannerData(ScannerData m) => Add(m);

    public void OnHeadTimestamp(HeadTimestamp m) => Add(m);

    public void OnPositionEnd(PositionEnd m) => Add(m);

    public void OnOpenOrderEnd(OpenOrderEnd m) => Add(m);

    public void OnCompletedOrdersEnd(CompletedOrdersEnd m) => Add(m);

    public void OnAccountDownloadEnd(AccountDownloadEnd m) => Add(m);

    public void OnAccountUpdateMultiEnd(AccountUpdateMultiEnd m) => Add(m);

    public void OnExecutionDataEnd(ExecutionDataEnd m) => Add(m);

    public void OnUnknown(int messageId, ReadOnlySpan<byte> payload) => Add(new Unknown(messageId, payload.ToArray()));

    public sealed record Unknown(int MessageId, byte[] Payload);

    public sealed record Malformed(byte[] Payload);

    private sealed class PipeTransport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
