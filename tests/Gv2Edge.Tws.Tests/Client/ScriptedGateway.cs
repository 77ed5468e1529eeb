using System.Buffers;
using System.IO.Pipelines;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Transport;

namespace Gv2Edge.Tws.Tests.Client;

/// <summary>
/// A small gateway for client tests over in-memory pipes, in the style of Npgsql's PgServerMock: it speaks the
/// real protocol through the shared codec (handshake, startApi, currentTime), records every request it decodes,
/// and lets a test push any server message, close the connection, refuse connections or stay silent.
/// Scenario tests against the full simulator live in the integration tests.
/// </summary>
internal sealed class ScriptedGateway : IRequestHandler
{
    private readonly Lock _gate = new();
    private readonly List<object> _requests = [];
    private Connection? _current;

    public int ServerVersion { get; set; } = ServerVersions.MaxSupported;

    public bool Refuse { get; set; }

    public bool AnswerHeartbeats { get; set; } = true;

    public bool SendAccounts { get; set; } = true;

    /// <summary>Close the socket right after the handshake (what a gateway does to a client id in use).</summary>
    public bool CloseAfterHandshake { get; set; }

    public string Accounts { get; set; } = "DU123456";

    public int Connections { get; private set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public List<(DateTimeOffset At, object Request)> Timeline { get; } = [];

    public IReadOnlyList<object> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<T> RequestsOf<T>() => Requests.OfType<T>().ToList();

    /// <summary>The transport to give the client.</summary>
    public ValueTask<ITwsConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (Refuse)
        {
            throw new IOException("Connection refused (scripted).");
        }

        (ITwsConnection client, ITwsConnection server) = PipeTransport.CreatePair();
        var connection = new Connection(server);
        lock (_gate)
        {
            _current = connection;
            Connections++;
        }

        _ = ServeAsync(connection);
        return ValueTask.FromResult(client);
    }

    public void Send(IWireMessage message)
    {
        Connection c = _current ?? throw new InvalidOperationException("No client connected.");
        var w = new MessageWriter();
        message.Encode(w, ServerVersion);
        c.Write(w.WrittenSpan);
    }

    public void SendRaw(ReadOnlySpan<byte> bytes) => (_current ?? throw new InvalidOperationException("No client connected.")).Write(bytes);

    public void SendError(int id, int code, string text) => Send(new ErrorMessage(id, code, text));

    /// <summary>Hangs up on the current client.</summary>
    public async Task DropAsync()
    {
        Connection? c = _current;
        if (c is not null)
        {
            await c.End.DisposeAsync();
        }
    }

    public void OnStartApi(StartApi m)
    {
        Record(m);
        Send(new NextValidId(1));
        if (SendAccounts)
        {
            Send(new ManagedAccounts(Accounts));
        }
    }

    public void OnReqCurrentTime(ReqCurrentTime m)
    {
        Record(m);
        if (AnswerHeartbeats)
        {
            Send(new CurrentTime(Clock.GetUtcNow().ToUnixTimeSeconds()));
        }
    }

    public void OnReqMktData(ReqMktData m) => Record(m);

    public void OnCancelMktData(CancelMktData m) => Record(m);

    public void OnReqMarketDataType(ReqMarketDataType m) => Record(m);

    public void OnReqContractDetails(ReqContractDetails m) => Record(m);

    public void OnReqHistoricalData(ReqHistoricalData m) => Record(m);

    public void OnCancelHistoricalData(CancelHistoricalData m) => Record(m);

    public void OnReqSecDefOptParams(ReqSecDefOptParams m) => Record(m);

    public void OnReqScannerSubscription(ReqScannerSubscription m) => Record(m);

    public void OnCancelScannerSubscription(CancelScannerSubscription m) => Record(m);

    private void Record(object m)
    {
        lock (_gate)
        {
            _requests.Add(m);
            Timeline.Add((Clock.GetUtcNow(), m));
        }
    }

    private async Task ServeAsync(Connection c)
    {
        PipeReader input = c.End.Input;
        try
        {
            bool prefix = false;
            bool hello = false;
            while (true)
            {
                ReadResult read = await input.ReadAsync();
                ReadOnlySequence<byte> buffer = read.Buffer;
                if (!prefix)
                {
                    if (buffer.Length < 4)
                    {
                        input.AdvanceTo(buffer.Start, buffer.End);
                        continue;
                    }

                    buffer = buffer.Slice(4);
                    prefix = true;
                }

                while (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
                {
                    if (!hello)
                    {
                        hello = true;
                        var w = new MessageWriter();
                        Handshake.WriteServerHello(w, ServerVersion, "20260105 09:30:00 EST");
                        c.Write(w.WrittenSpan);
                        if (CloseAfterHandshake)
                        {
                            await c.End.DisposeAsync();
                            return;
                        }

                        continue;
                    }

                    RequestDecoder.Decode(payload.ToArray(), ServerVersion, this);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The client hung up or the test dropped the connection.
        }
    }

    private sealed class Connection(ITwsConnection end)
    {
        public ITwsConnection End { get; } = end;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            lock (this)
            {
                try
                {
                    End.Output.Write(bytes);
                    End.Output.FlushAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Already closed.
                }
            }
        }
    }
}
