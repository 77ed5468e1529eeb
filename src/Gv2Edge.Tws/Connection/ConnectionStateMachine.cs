using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gv2Edge.Tws.Connection;

/// <summary>
/// The connection state: one enum, changed only through <see cref="TryTransition"/>, which checks the move is
/// legal, logs it, and queues the change. Handlers of <see cref="Changed"/> run on a separate task, in order,
/// so a slow or throwing handler can never stall the socket reader that caused the change.
/// </summary>
public sealed class ConnectionStateMachine : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<ConnectionStateChange> _changes =
        Channel.CreateUnbounded<ConnectionStateChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;
    private ConnectionState _state = ConnectionState.Disconnected;

    public ConnectionStateMachine(TimeProvider? time = null, ILogger? logger = null)
    {
        _time = time ?? TimeProvider.System;
        _log = logger ?? NullLogger.Instance;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Raised after each change, on the event task (never on the caller's thread).</summary>
    public event EventHandler<ConnectionStateChange>? Changed;

    /// <summary>The current state.</summary>
    public ConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Whether a move from <paramref name="from"/> to <paramref name="to"/> is allowed.</summary>
    public static bool IsAllowed(ConnectionState from, ConnectionState to) => (from, to) switch
    {
        (ConnectionState.Disconnected, ConnectionState.Connecting) => true,
        (ConnectionState.Connecting, ConnectionState.Connected) => true,
        (ConnectionState.Connecting, ConnectionState.Reconnecting) => true,
        (ConnectionState.Connected, ConnectionState.Reconnecting) => true,
        (ConnectionState.Reconnecting, ConnectionState.Connected) => true,
        (_, ConnectionState.Disconnected) => from != ConnectionState.Disconnected,
        _ => false,
    };

    /// <summary>
    /// Moves to <paramref name="to"/> if that is legal from the current state (and, when given, the current
    /// state is <paramref name="expected"/>). Returns false and changes nothing otherwise.
    /// </summary>
    public bool TryTransition(ConnectionState to, string reason, ConnectionState? expected = null)
    {
        ConnectionStateChange change;
        lock (_gate)
        {
            if ((expected is { } e && _state != e) || !IsAllowed(_state, to))
            {
                return false;
            }

            change = new ConnectionStateChange(_state, to, reason, _time.GetUtcNow());
            _state = to;
        }

        _log.LogInformation("Connection {Previous} -> {Current}: {Reason}", change.Previous, change.Current, reason);
        _changes.Writer.TryWrite(change);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _changes.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        await foreach (ConnectionStateChange change in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Changed?.Invoke(this, change);
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "A connection-state handler threw; ignored.");
            }
        }
    }
}
