using System.Buffers;
using System.IO.Pipelines;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>
/// One client connection, server side: the handshake, then one frame at a time decoded by
/// <see cref="RequestDecoder"/> into the <see cref="IRequestHandler"/> methods (split over the partial files by
/// area). Everything the connection sends goes through its <see cref="Outbox"/>.
/// </summary>
internal sealed partial class SimConnection : IRequestHandler
{
    private readonly GatewaySimulator _server;
    private readonly IDuplexPipe _transport;
    private readonly CancellationTokenSource _closed = new();
    private readonly ILogger _log;
    private int _closing;

    public SimConnection(GatewaySimulator server, IDuplexPipe transport, int id)
    {
        _server = server;
        _transport = transport;
        Id = id;
        _log = server.Logger;
    }

    /// <summary>Server-assigned number (logs only).</summary>
    public int Id { get; }

    /// <summary>The negotiated version (0 before the handshake).</summary>
    public int ServerVersion { get; private set; }

    /// <summary>The client id from startApi (null before it).</summary>
    public int? ClientId { get; private set; }

    public Outbox Outbox { get; } = new();

    /// <summary>Completes when the connection has ended.</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Serves the connection until the client leaves, a limit closes it, or the server stops.</summary>
    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, _closed.Token);
        CancellationToken ct = linked.Token;
        Task sender = Outbox.RunAsync(_transport.Output, BeforeSendAsync, ct);
        try
        {
            if (await HandshakeAsync(ct).ConfigureAwait(false))
            {
                await ReadLoopAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ProtocolException ex)
        {
            _log.LogInformation("Connection {Id}: closed on a malformed frame: {Reason}", Id, ex.Message);
        }
        catch (IOException ex)
        {
            _log.LogDebug("Connection {Id}: transport ended: {Reason}", Id, ex.Message);
        }
        finally
        {
            await CloseAsync(sender).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the connection to end after sending what is queued.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _log.LogDebug("Connection {Id}: closing", Id);
        }

        _closed.Cancel();
    }

    private async Task CloseAsync(Task sender)
    {
        Close();
        try
        {
            await sender.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
        }

        StopSubscriptions();
        await _transport.Input.CompleteAsync().ConfigureAwait(false);
        await _transport.Output.CompleteAsync().ConfigureAwait(false);
        _server.OnConnectionClosed(this);
        _completion.TrySetResult();
    }

    private async ValueTask BeforeSendAsync(CancellationToken ct)
    {
        TimeSpan delay = _server.Faults.ReplyDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _server.Options.TimeProvider, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> HandshakeAsync(CancellationToken ct)
    {
        PipeReader input = _transport.Input;
        byte[] prefix = new byte[4];
        while (true)
        {
            ReadResult result = await input.ReadAsync(ct).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (buffer.Length >= 4)
            {
                buffer.Slice(0, 4).CopyTo(prefix);
                if (!prefix.AsSpan().SequenceEqual(Handshake.Prefix))
                {
                    _log.LogInformation("Connection {Id}: no API prefix; closing", Id);
                    return false;
                }

                ReadOnlySequence<byte> rest = buffer.Slice(4);
                if (Framing.TryReadFrame(ref rest, out ReadOnlySequence<byte> payload))
                {
                    bool ok = Negotiate(payload.ToArray());
                    input.AdvanceTo(rest.Start);
                    return ok;
                }
            }

            if (result.IsCompleted)
            {
                return false;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool Negotiate(byte[] hello)
    {
        if (!Handshake.TryParseVersionRange(hello, out int min, out int max, out _))
        {
            _log.LogInformation("Connection {Id}: unreadable version range; closing", Id);
            return false;
        }

        int configured = _server.Options.ServerVersion;
        if (max < ServerVersions.MinSupported)
        {
            // The client cannot speak any version this gateway serves: refuse without an answer, as a gateway too
            // new for the client does (the client reports the closed socket).
            _log.LogInformation("Connection {Id}: client maximum {Max} is below {Min}; refused", Id, max, ServerVersions.MinSupported);
            return false;
        }

        // Answer min(client max, ours). When ours is below the client's minimum the reply is still our version:
        // IB's clients then reject it themselves (official client: error 506 "Unsupported version").
        ServerVersion = Math.Min(max, configured);
        DateTimeOffset now = _server.Clock.GetUtcNow();
        DateTime et = Market.ExchangeClock.ToEt(now);
        string zone = Market.ExchangeClock.Zone.IsDaylightSavingTime(et) ? "EDT" : "EST";
        using (Outbox.Scope scope = Outbox.Open())
        {
            Handshake.WriteServerHello(scope.Writer, ServerVersion, Handshake.FormatConnectionTime(et, zone));
            scope.Count();
        }

        _log.LogDebug("Connection {Id}: client v{Min}..{Max}, negotiated {Version}", Id, min, max, ServerVersion);
        return min <= ServerVersion;
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        PipeReader input = _transport.Input;
        while (true)
        {
            ReadResult result = await input.ReadAsync(ct).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            try
            {
                while (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
                {
                    if (!OnFrame(payload))
                    {
                        return;
                    }
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>Handles one client frame; false when the connection must end.</summary>
    private bool OnFrame(ReadOnlySequence<byte> payload)
    {
        int inWindow = _server.RateLimiter.Record();
        if (inWindow > RateLimiter.MaxPerSecond)
        {
            _log.LogWarning("Connection {Id}: {Count} messages in one second; error 100 and disconnect", Id, inWindow);
            SendError(-1, IbError.MaxRate, IbError.MaxRateText(inWindow));
            return false;
        }

        if (payload.IsSingleSegment)
        {
            RequestDecoder.Decode(payload.FirstSpan, ServerVersion, this);
        }
        else
        {
            int length = (int)payload.Length;
            byte[] rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                payload.CopyTo(rented);
                RequestDecoder.Decode(rented.AsSpan(0, length), ServerVersion, this);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return !_closed.IsCancellationRequested;
    }

    /// <summary>Queues an errMsg.</summary>
    public void SendError(int id, int code, string text)
    {
        using Outbox.Scope scope = Outbox.Open();
        new ErrorMessage(id, code, text).Encode(scope.Writer, ServerVersion);
        scope.Count();
    }

    /// <inheritdoc/>
    public void OnUnknown(int messageId, ReadOnlySpan<byte> payload)
        => _log.LogDebug("Connection {Id}: ignoring request {MessageId}", Id, messageId);
}
