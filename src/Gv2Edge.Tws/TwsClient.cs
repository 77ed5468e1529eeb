using System.Collections.Concurrent;
using System.Threading.Channels;
using Gv2Edge.Market;
using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Pacing;
using Gv2Edge.Tws.Protocol;
using Gv2Edge.Tws.Requests;
using Gv2Edge.Tws.Transport;
using Microsoft.Extensions.Logging;

namespace Gv2Edge.Tws;

/// <summary>
/// A read-only TWS / IB Gateway client that survives the gateway: it connects (and keeps reconnecting with
/// backoff, also when the first attempt fails), paces every outgoing message, answers typed async requests,
/// keeps a <see cref="Ticker"/> per market-data subscription and restores every subscription after a reconnect,
/// a 1101, a farm flap or a silence. There is no order API of any kind.
/// </summary>
public sealed partial class TwsClient : IAsyncDisposable
{
    private readonly TwsClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ClockAnchor _clock;
    private readonly ILogger _log;
    private readonly ConnectionStateMachine _state;
    private readonly ReconnectPolicy _policy;
    private readonly PacedWriter _writer;
    private readonly HistoricalRequestScheduler _historical;
    private readonly LineBudget _lines;
    private readonly UpdateChannel _updates;
    private readonly UsEquitySessions _sessions;
    private readonly EventPump _events;
    private readonly TwsTransportFactory _transport;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly RouteTable _routes = new();
    private readonly ConcurrentDictionary<MarketDataSubscription, byte> _subscriptions = new();
    private readonly Lock _gate = new();
    private readonly ITimer _liveness;
    private TaskCompletionSource _ready = NewReady();
    private Task? _supervisor;
    private volatile Session? _session;
    private int _nextRequestId;
    private int _disposed;

    /// <summary>Creates a client; nothing happens until <see cref="ConnectAsync"/>.</summary>
    public TwsClient(TwsClientOptions? options = null)
    {
        _options = options ?? new TwsClientOptions();
        _options.Validate();
        _time = _options.TimeProvider;
        _clock = new ClockAnchor(_time);
        _log = _options.LoggerFactory.CreateLogger<TwsClient>();
        _state = new ConnectionStateMachine(_time, _log);
        _state.Changed += (_, change) => StateChanged?.Invoke(this, change);
        _policy = new ReconnectPolicy(_options.ReconnectDelays, _options.ReconnectJitter,
            _options.JitterSeed is { } seed ? new Random(seed) : null);
        TimeProvider pacing = _options.PacingTimeProvider ?? _time;
        _writer = new PacedWriter(_options.MessagesPerSecond, pacing);
        _historical = new HistoricalRequestScheduler(pacing);
        _lines = new LineBudget(_options.MaxLines, _options.ReservedLines);
        _updates = new UpdateChannel(_options.UpdateChannelCapacity);
        _sessions = _options.Sessions ?? new UsEquitySessions(new UsEquityCalendar());
        _events = new EventPump(_log);
        _transport = _options.Transport ?? (_options.ReaderThread ? TcpTransport.ConnectWithReaderThreadAsync : TcpTransport.ConnectAsync);
        _liveness = _time.CreateTimer(static s => ((TwsClient)s!).CheckLiveness(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised (on an event task, never the socket reader) after every connection state change.</summary>
    public event EventHandler<ConnectionStateChange>? StateChanged;

    /// <summary>Warnings and information from IB that did not fail a request (farm status, 1100, 10167…).</summary>
    public event EventHandler<TwsNotice>? Notice;

    /// <summary>A subscription's data became suspect (connection lost, farm down, silence).</summary>
    public event EventHandler<SubscriptionEvent>? SubscriptionStale;

    /// <summary>A stale subscription delivered data again.</summary>
    public event EventHandler<SubscriptionEvent>? SubscriptionFresh;

    /// <summary>IB refused a subscription for good (no permission, unknown contract, no line: 101).</summary>
    public event EventHandler<SubscriptionEvent>? SubscriptionFailed;

    /// <summary>The settings in use.</summary>
    public TwsClientOptions Options => _options;

    /// <summary>The connection state.</summary>
    public ConnectionState State => _state.State;

    /// <summary>True when requests can be sent now.</summary>
    public bool IsConnected => _session is { Ready: true };

    /// <summary>Negotiated server version of the current (or last) connection; 0 before the first.</summary>
    public int ServerVersion { get; private set; }

    /// <summary>The gateway's connection time as it sent it (<c>yyyyMMdd HH:mm:ss zone</c>).</summary>
    public string ConnectionTime { get; private set; } = "";

    /// <summary>The managed accounts the gateway announced.</summary>
    public IReadOnlyList<string> Accounts { get; private set; } = [];

    /// <summary>The market-data line budget (used / free / reserved).</summary>
    public LineBudget Lines => _lines;

    /// <summary>Updated subscriptions, coalesced (see <see cref="MarketDataSubscription"/> remarks). Never blocks the reader.</summary>
    public ChannelReader<MarketDataSubscription> Updates => _updates.Reader;

    /// <summary>The paced writer, for tests that drive a fake clock in step with it.</summary>
    internal PacedWriter Writer => _writer;

    /// <summary>Every live subscription.</summary>
    public IReadOnlyCollection<MarketDataSubscription> Subscriptions => [.. _subscriptions.Keys];

    /// <summary>
    /// Starts connecting (and reconnecting for as long as the client lives) and waits until the connection is
    /// ready. A failed attempt is retried with the reconnect policy; this call returns at the first success,
    /// throws <see cref="TwsException"/> when the client id is in use (code 326, the hint names another id), or
    /// stops waiting when <paramref name="cancellationToken"/> fires (the client keeps retrying in the background).
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_gate)
        {
            if (_supervisor is null)
            {
                _state.TryTransition(ConnectionState.Connecting, $"connecting to {_options.Host}:{_options.Port} as client {_options.ClientId}");
                _liveness.Change(_options.LivenessCheckInterval, _options.LivenessCheckInterval);
                _supervisor = Task.Run(SuperviseAsync);
            }
        }

        while (true)
        {
            Task ready;
            lock (_gate)
            {
                ready = _ready.Task;
            }

            try
            {
                await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TwsException ex) when (ex.Code != TwsErrorCodes.ClientIdInUse)
            {
                // Any other failed attempt: keep waiting for the next one.
            }
        }
    }

    /// <summary>Stops everything: pending calls fail, the connection closes, no more reconnects.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposeCts.CancelAsync().ConfigureAwait(false);
        _liveness.Dispose();
        if (_supervisor is not null)
        {
            try
            {
                await _supervisor.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _log.LogDebug(ex, "Supervisor ended with an error during dispose.");
            }
        }

        FailAllPending(new TwsException(TwsErrorCodes.ClientDisposed, "The client was disposed."));
        _state.TryTransition(ConnectionState.Disconnected, "disposed");
        lock (_gate)
        {
            _ready.TrySetException(new ObjectDisposedException(nameof(TwsClient)));
        }

        _updates.Complete();
        _historical.Dispose();
        _writer.Dispose();
        await _state.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _disposeCts.Dispose();
    }

    private static TaskCompletionSource NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int NextRequestId() => Interlocked.Increment(ref _nextRequestId);
}
