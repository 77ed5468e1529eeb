using System.Threading.Channels;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gv2Edge.Radar.Streaming;

/// <summary>
/// Ticks in → state store → detectors → events out. <see cref="OnTick(SymbolId, in QuoteTick)"/> is the hot path:
/// it updates the symbol's state and runs its detectors under that symbol's lock and allocates nothing unless an
/// event fires. Events promote symbols on the <see cref="HotList"/>, may trigger the immediate-scan hook (off
/// this thread), and go to every consumer through bounded channels (<see cref="EventHub"/>).
/// </summary>
public sealed partial class StreamingEngine
{
    private readonly SymbolStateStore _store;
    private readonly StreamingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _setsLock = new();
    private readonly long[] _eventCounts = new long[EventKinds.Count];
    private readonly Channel<string> _scans = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait });
    private DetectorSet?[] _sets = new DetectorSet?[64];
    private long _ticks;
    private long _reconnects;
    private long _scanFailures;

    /// <summary>Creates the engine.</summary>
    /// <param name="store">The shared state store (its options carry the detector thresholds).</param>
    /// <param name="hotList">The hot list events promote into.</param>
    /// <param name="options">Streaming options (validated here).</param>
    /// <param name="time">The one clock.</param>
    /// <param name="subscriptions">The subscription manager; null in fallback mode or when the app manages lines itself.</param>
    /// <param name="logger">Logger (default: none).</param>
    public StreamingEngine(SymbolStateStore store, HotList hotList, StreamingOptions options, TimeProvider time, SubscriptionManager? subscriptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        HotList = hotList;
        _options = options;
        _time = time;
        Subscriptions = subscriptions;
        _logger = logger ?? NullLogger.Instance;
    }

    public HotList HotList { get; }

    public SubscriptionManager? Subscriptions { get; }

    /// <summary>The consumers' channels.</summary>
    public EventHub Events { get; } = new();

    /// <summary>
    /// Called (off the engine thread) with a symbol just promoted to HOT, so the app can scan it at once through
    /// the quote, options-flow and radar services. Failures are logged and counted.
    /// </summary>
    public Func<string, CancellationToken, Task>? ImmediateScan { get; set; }

    /// <summary>True when fed by <see cref="SnapshotFallback"/> instead of subscriptions (reported in the summary).</summary>
    public bool FallbackMode { get; set; }

    /// <summary>Adds a consumer (dashboard, journal, acceleration engine, radar) with a bounded channel.</summary>
    public ChannelReader<RadarEvent> AddConsumer(string name, int? capacity = null) =>
        Events.AddConsumer(name, capacity ?? _options.ChannelCapacity);

    /// <summary>One update of an interned symbol. Thread-safe; zero allocation when no event fires.</summary>
    public void OnTick(SymbolId id, in QuoteTick tick)
    {
        SymbolState state = _store.State(id);
        DetectorSet set = SetOf(id);
        Span<DetectorSignal> fired = stackalloc DetectorSignal[DetectorSet.MaxSignals];
        int count;
        DetectorInput input;
        lock (state.Gate)
        {
            _store.ApplyLocked(state, in tick, out input);
            count = set.Update(in input, fired);
        }

        Interlocked.Increment(ref _ticks);
        for (int i = 0; i < count; i++)
        {
            Emit(state.Symbol, in fired[i], tick.Time, input.Session, tick.Quality);
        }
    }

    /// <summary>One update by symbol name (interns it on first use).</summary>
    public void OnTick(string symbol, in QuoteTick tick) => OnTick(_store.Intern(symbol), in tick);

    /// <summary>
    /// The line provider reports <paramref name="symbol"/> silent: emit STALE (cooldown applies), then resubscribe
    /// through the subscription manager, which evicts it only if that fails too.
    /// </summary>
    public Task OnStaleAsync(string symbol, CancellationToken cancellationToken = default) => OnStaleAsync(symbol, _time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// <see cref="OnStaleAsync(string, CancellationToken)"/> as noticed at <paramref name="now"/>: a recorder and a replay
    /// stamp the notice once, so the STALE event they give is the same.
    /// </summary>
    public async Task OnStaleAsync(string symbol, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SymbolId id = _store.Intern(symbol);
        SymbolState state = _store.State(id);
        bool pass;
        double silent;
        Gv2Edge.Market.MarketSession session;
        DataQuality quality;
        lock (state.Gate)
        {
            pass = SetOf(id).Gate.TryPass(EventKind.Stale, now.UtcTicks);
            silent = state.HasTick ? (now.UtcTicks - state.LastTickUtc) / (double)TimeSpan.TicksPerSecond : double.NaN;
            session = _store.Clock.At(now).Session;
            quality = state.HasTick ? state.Latest.Quality : DataQuality.Live;
        }

        if (pass)
        {
            Emit(state.Symbol, new DetectorSignal(EventKind.Stale, silent, _options.StaleAfter.TotalSeconds), now, session, quality);
        }

        if (Subscriptions is not null && !await Subscriptions.OnStaleAsync(state.Symbol, cancellationToken).ConfigureAwait(false))
        {
            LogEvicted(_logger, state.Symbol);
        }
    }

    /// <summary>The connection came back: every symbol's windows restart (no catch-up spikes) and every line is re-requested.</summary>
    public void OnReconnected()
    {
        Interlocked.Increment(ref _reconnects);
        _store.MarkGapAll();
        Subscriptions?.OnReconnected();
    }

    /// <summary>Totals so far.</summary>
    public StreamSummary Summary()
    {
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int k = 0; k < EventKinds.Count; k++)
        {
            long n = Interlocked.Read(ref _eventCounts[k]);
            if (n > 0)
            {
                events[((EventKind)k).ToType()] = n;
            }
        }

        long suppressed = 0;
        foreach (DetectorSet? set in Volatile.Read(ref _sets))
        {
            suppressed += set?.Gate.Suppressed ?? 0;
        }

        return new StreamSummary
        {
            Ticks = Interlocked.Read(ref _ticks),
            Events = events,
            Subscriptions = Subscriptions?.Count ?? 0,
            Queued = Subscriptions?.QueuedCount ?? 0,
            Evictions = Subscriptions?.Evictions ?? 0,
            Reconnects = Interlocked.Read(ref _reconnects),
            DroppedEvents = Events.Dropped,
            SuppressedByCooldown = suppressed,
            ScanFailures = Interlocked.Read(ref _scanFailures),
            FallbackMode = FallbackMode,
        };
    }

    private DetectorSet SetOf(SymbolId id)
    {
        DetectorSet?[] sets = Volatile.Read(ref _sets);
        if ((uint)id.Value < (uint)sets.Length && sets[id.Value] is { } set)
        {
            return set;
        }

        lock (_setsLock)
        {
            if (id.Value >= _sets.Length)
            {
                DetectorSet?[] grown = new DetectorSet?[Math.Max(_sets.Length * 2, id.Value + 1)];
                Array.Copy(_sets, grown, _sets.Length);
                Volatile.Write(ref _sets, grown);
            }

            return _sets[id.Value] ??= new DetectorSet(_store.Options);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "{Symbol} stayed silent and its resubscription failed: evicted")]
    private static partial void LogEvicted(ILogger logger, string symbol);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Immediate scan of {Symbol} failed")]
    private static partial void LogScanFailed(ILogger logger, Exception ex, string symbol);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Immediate scan of {Symbol} skipped: the scan queue is full")]
    private static partial void LogScanQueueFull(ILogger logger, string symbol);
}
