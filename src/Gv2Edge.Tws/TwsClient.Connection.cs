using System.Buffers;
using System.IO.Pipelines;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws;

public sealed partial class TwsClient
{
    private long _disconnections;
    private long _reconnections;
    private long _connectedSinceTimestamp;
    private long _lostTimestamp;
    private TimeSpan? _lastDowntime;

    private async Task SuperviseAsync()
    {
        CancellationToken token = _disposeCts.Token;
        int attempt = 0;
        while (!token.IsCancellationRequested)
        {
            var session = new Session(token);
            Exception? error = null;
            try
            {
                await RunSessionAsync(session).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                error = session.AbortReason ?? ex;
            }

            bool wasReady = session.Ready;
            error = Classify(session, error);
            EndSession(session, error);
            session.Dispose();
            if (token.IsCancellationRequested)
            {
                break;
            }

            if (wasReady)
            {
                attempt = 0;
            }

            attempt++;
            TimeSpan delay = _policy.NextDelay(attempt);
            delay = TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
            _log.LogWarning("Connection attempt ended ({Reason}); retry {Attempt} in {Delay}.", error?.Message, attempt, delay);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunSessionAsync(Session session)
    {
        CancellationToken token = session.Cts.Token;
        using var connectTimeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var connectCts = CancellationTokenSource.CreateLinkedTokenSource(token, connectTimeout.Token);
        try
        {
            session.Connection = await _transport(_options.Host, _options.Port, connectCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            throw new TwsException(TwsErrorCodes.CouldNotConnect, $"Could not connect to {_options.Host}:{_options.Port}: {ex.Message}");
        }

        try
        {
            var hello = new MessageWriter(64);
            Handshake.WriteClientHello(hello, ServerVersions.MinSupported, ServerVersions.MaxSupported);
            await session.Connection.Output.WriteAsync(hello.WrittenMemory, connectCts.Token).ConfigureAwait(false);
            (int version, string time) = await ReadServerHelloAsync(session.Connection.Input, connectCts.Token).ConfigureAwait(false);
            if (version is < ServerVersions.MinSupported or > ServerVersions.MaxSupported)
            {
                throw new TwsException(TwsErrorCodes.UnsupportedVersion,
                    $"The gateway answered server version {version}; this client speaks {ServerVersions.MinSupported}–{ServerVersions.MaxSupported}.");
            }

            session.ServerVersion = version;
            session.ConnectionTime = time;
            session.HelloReceived = true;
            ServerVersion = version;
            ConnectionTime = time;
            _session = session;
            _writer.BeginSession();
            Task writer = _writer.RunAsync(session.Connection.Output, token);
            Send(session, new StartApi(_options.ClientId));
            Task reader = ReadLoopAsync(session, token);
            using CancellationTokenRegistration readyTimeout = connectTimeout.Token.Register(() =>
            {
                if (!session.Ready)
                {
                    Abort(session, new TimeoutException(
                        $"The gateway did not finish the start-up (nextValidId and managedAccounts) within {_options.ConnectTimeout.TotalSeconds:0.#} s."));
                }
            });

            Task first = await Task.WhenAny(writer, reader).ConfigureAwait(false);
            await session.Cts.CancelAsync().ConfigureAwait(false);
            await first.ConfigureAwait(false); // surfaces the exception that ended the session
            throw new IOException("The connection ended.");
        }
        finally
        {
            await session.Cts.CancelAsync().ConfigureAwait(false);
            await session.Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(int Version, string Time)> ReadServerHelloAsync(PipeReader input, CancellationToken token)
    {
        while (true)
        {
            ReadResult read = await input.ReadAsync(token).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;
            if (Framing.TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
            {
                (int, string) hello = Handshake.ReadServerHello(payload.ToArray());
                input.AdvanceTo(buffer.Start);
                return hello;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                throw new IOException("The gateway closed the connection during the handshake.");
            }
        }
    }

    /// <summary>Ends the session from our side (heartbeat missed, garbage, 326, 1300); the supervisor reconnects.</summary>
    private void Abort(Session session, Exception reason)
    {
        session.AbortReason ??= reason;
        _log.LogWarning("Resetting the connection: {Reason}", reason.Message);
        try
        {
            session.Cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    private Exception? Classify(Session session, Exception? error)
    {
        if (session.AbortReason is { } reason)
        {
            error = reason;
        }

        // A gateway that accepts the handshake and then hangs up without a word is refusing our client id.
        if (!session.Ready && session.HelloReceived && error is IOException)
        {
            return new TwsException(TwsErrorCodes.ClientIdInUse,
                "The gateway closed the connection right after the handshake.", TwsErrorCodes.ClientIdInUseHint(_options.ClientId));
        }

        return error;
    }

    private void OnReady(Session session)
    {
        if (session.Ready)
        {
            return;
        }

        session.Ready = true;
        Accounts = session.Accounts;
        long now = _time.GetTimestamp();
        Interlocked.Exchange(ref _connectedSinceTimestamp, now);
        string reason = $"ready: server version {session.ServerVersion}, accounts {string.Join(",", session.Accounts)}";
        if (!_state.TryTransition(ConnectionState.Connected, reason))
        {
            _log.LogDebug("Ready in state {State}.", _state.State);
        }

        long lost = Interlocked.Exchange(ref _lostTimestamp, 0);
        if (lost != 0)
        {
            Interlocked.Increment(ref _reconnections);
            _lastDowntime = _time.GetElapsedTime(lost, now);
        }

        Send(session, new ReqMarketDataType((int)_options.MarketDataType), priority: true);
        foreach (MarketDataSubscription sub in _subscriptions.Keys)
        {
            SendSubscription(session, sub, cancelOld: false, countAsResubscription: sub.RequestId != 0);
        }

        session.Heartbeat = _time.CreateTimer(static s => ((TwsClient)((object[])s!)[0]).Heartbeat((Session)((object[])s!)[1]),
            new object[] { this, session }, _options.HeartbeatInterval, _options.HeartbeatInterval);
        lock (_gate)
        {
            _ready.TrySetResult();
        }
    }

    private void EndSession(Session session, Exception? error)
    {
        bool wasReady = session.Ready;
        session.Ready = false;
        session.Heartbeat?.Dispose();
        if (ReferenceEquals(_session, session))
        {
            _session = null;
        }

        string why = error?.Message ?? "connection closed";
        FailAllPending(new TwsException(TwsErrorCodes.ConnectionLost, $"Connection lost ({why}).",
            TwsErrorCodes.Lookup(TwsErrorCodes.ConnectionLost).Hint));
        _routes.Clear();
        foreach (MarketDataSubscription sub in _subscriptions.Keys)
        {
            MarkStale(sub, "connection lost");
        }

        if (_disposeCts.IsCancellationRequested)
        {
            return;
        }

        if (wasReady)
        {
            Interlocked.Increment(ref _disconnections);
            Interlocked.Exchange(ref _lostTimestamp, _time.GetTimestamp());
            Interlocked.Exchange(ref _connectedSinceTimestamp, 0);
            _state.TryTransition(ConnectionState.Reconnecting, $"connection lost: {why}");
        }
        else
        {
            _state.TryTransition(ConnectionState.Reconnecting, $"connect attempt failed: {why}", ConnectionState.Connecting);
        }

        lock (_gate)
        {
            if (error is TwsException { Code: TwsErrorCodes.ClientIdInUse } tws)
            {
                _ready.TrySetException(tws);
                _ready = NewReady();
            }
            else if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }
        }
    }

    private void FailAllPending(Exception error)
    {
        foreach (int id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out Requests.PendingRequest? request))
            {
                request.Fail(error);
            }
        }

        FailTimeWaiters(error);
    }
}
