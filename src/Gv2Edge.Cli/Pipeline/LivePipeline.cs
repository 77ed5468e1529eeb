using System.Threading.Channels;
using Gv2Edge.Cli.Configuration;
using Gv2Edge.Cli.Recording;
using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Live;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;
using Gv2Edge.Tws.MarketData;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// The app's composition of the engines over one connected client: the subscription manager holds the lines, a pump
/// moves the client's ticker updates into the <see cref="EngineCore"/> (and, with <c>--record</c>, into the recorder,
/// in the same order), each symbol's volume baseline comes from its daily history. Every part runs on the one clock it
/// is given (the simulator's market clock in <c>edge demo</c>).
/// </summary>
public sealed class LivePipeline : IAsyncDisposable
{
    private readonly TwsClient _client;
    private readonly ClientMarketDataLines _lines;
    private readonly TickRecorder? _recorder;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private long _ticks;

    /// <summary>Builds the pipeline over <paramref name="client"/> (connected or connecting).</summary>
    /// <param name="client">The client.</param>
    /// <param name="clock">The one clock.</param>
    /// <param name="streamingOptions">Streaming options.</param>
    /// <param name="detectors">Detector thresholds (null: the guide's defaults).</param>
    /// <param name="recorder">Where the level-1 stream is recorded, or null.</param>
    /// <param name="engines">Minute baselines, radar filters and universe context (null: <see cref="EngineSetup.Default"/>).</param>
    public LivePipeline(TwsClient client, TimeProvider clock, StreamingOptions streamingOptions, DetectorOptions? detectors = null, TickRecorder? recorder = null,
        EngineSetup? engines = null)
    {
        _client = client;
        _recorder = recorder;
        var sessions = new UsEquitySessions(new UsEquityCalendar());
        Resolver = new ContractResolver(client.GetContractDetailsAsync, sessions, clock);
        _lines = new ClientMarketDataLines(client, Resolver, clock);
        Core = new EngineCore(clock, streamingOptions, detectors, store => new SubscriptionManager(_lines, store, streamingOptions, clock), engines);
        _lines.Attach(Core.Engine, Core.Store);
        Baselines = new BaselineLoader(client, Resolver, Core.Store, Core.Sessions, clock);

        // The acceleration engine's own baselines only: the detectors keep the recorded daily-volume profile, so a
        // replay applies the same one and their behaviour (before the open too) does not change (docs/ENGINES.md).
        int sessionsBack = Core.Setup.Settings.MinuteBaselineSessions;
        MinuteBaselines = sessionsBack > 0
            ? MinuteBaselineLoader.ForClient(client, Resolver, Core.Buffer, shared: null, sessions.Calendar, clock, sessionsBack)
            : null;
        if (recorder is not null)
        {
            _lines.StaleNoticed += OnStale;
            client.StateChanged += OnStateChanged;
        }
    }

    /// <summary>The engines.</summary>
    public EngineCore Core { get; }

    /// <summary>Loads each symbol's own volume baseline from its daily history.</summary>
    public BaselineLoader Baselines { get; }

    /// <summary>Loads each symbol's 1-minute bars of its last sessions for the acceleration engine (null: turned off).</summary>
    public MinuteBaselineLoader? MinuteBaselines { get; }

    /// <summary>The one clock every part runs on.</summary>
    public TimeProvider Clock => Core.Clock;

    /// <summary>The US equity sessions (calendar) the pipeline uses.</summary>
    public UsEquitySessions Sessions => Core.Sessions;

    /// <summary>Symbol → contract, cached per session.</summary>
    public ContractResolver Resolver { get; }

    /// <summary>The one per-symbol state store.</summary>
    public SymbolStateStore Store => Core.Store;

    /// <summary>Who holds lines.</summary>
    public SubscriptionManager Subscriptions => Core.Subscriptions!;

    /// <summary>The streaming engine.</summary>
    public StreamingEngine Engine => Core.Engine;

    /// <summary>Every event of every engine, in arrival order (read by exactly one output loop).</summary>
    public ChannelReader<RadarEvent> Events => Core.Events;

    /// <summary>Events dropped on the way out (a stalled output); counted, shown in the summary.</summary>
    public long DroppedEvents => Core.DroppedEvents;

    /// <summary>Ticks moved from the client into the engine.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Requests persistent lines for <paramref name="symbols"/> and starts every loop.</summary>
    public void Start(IEnumerable<string> symbols)
    {
        var list = symbols.ToList();
        foreach (string symbol in list)
        {
            Subscriptions.Request(symbol, HotPriority.Normal);
        }

        Core.Start();
        CancellationToken token = _stop.Token;
        BaselinesLoaded = Task.Run(() => LoadBaselinesAsync(list, token), token);
        _tasks.Add(BaselinesLoaded);
        _tasks.Add(Task.Run(() => Core.LoadMinuteBaselinesAsync(MinuteBaselines, list, token), token));
        _tasks.Add(Task.Run(() => PumpAsync(token), token));
        _tasks.Add(Task.Run(() => Engine.RunAsync(token), token));
        _tasks.Add(Task.Run(() => Core.ForwardAsync(token), token));
    }

    /// <summary>Completes when the symbols' baselines are loaded (or their loading ended); the scans wait for it.</summary>
    public Task BaselinesLoaded { get; private set; } = Task.CompletedTask;

    /// <summary>Totals for the final summary line.</summary>
    public StreamSummary Summary() => Core.Summary();

    private async Task PumpAsync(CancellationToken token)
    {
        ChannelReader<MarketDataSubscription> updates = _client.Updates;
        try
        {
            while (await updates.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (updates.TryRead(out MarketDataSubscription? sub))
                {
                    if (!TryRoute(sub, out SymbolId id))
                    {
                        continue;
                    }

                    TickerSnapshot snap = sub.Ticker.Snapshot();
                    QuoteTick tick = TickerQuoteAdapter.ToQuoteTick(snap, Clock.GetUtcNow());
                    if (_recorder is { } recorder)
                    {
                        // One lock around record + apply: the file holds the ticks in exactly the order the engine saw them.
                        lock (recorder.Gate)
                        {
                            recorder.WriteTick(id.Value, Store.SymbolOf(id), in tick);
                            Engine.OnTick(id, in tick);
                        }
                    }
                    else
                    {
                        Engine.OnTick(id, in tick);
                    }

                    Interlocked.Increment(ref _ticks);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    // Ticks carry a subscription, not a symbol. Only the streaming lines route; the scans' short-lived lines (radar and
    // flow quotes, snapshots) share the client's update channel and are skipped, even on a symbol that also streams.
    private bool TryRoute(MarketDataSubscription sub, out SymbolId id) => _lines.TryRoute(sub, out id);

    private async Task LoadBaselinesAsync(IReadOnlyList<string> symbols, CancellationToken token)
    {
        if (_recorder is null)
        {
            await Baselines.LoadAllAsync(symbols, token).ConfigureAwait(false);
            return;
        }

        await Parallel.ForEachAsync(symbols, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token },
            async (symbol, ct) => await RecordedBaselines.LoadAsync(_client, Resolver, Store, Sessions, Clock, _recorder, symbol, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private void OnStale(string symbol, DateTimeOffset noticed) => _recorder?.WriteStale(symbol, noticed);

    private void OnStateChanged(object? sender, Tws.Connection.ConnectionStateChange e)
    {
        if (e is { Previous: Tws.Connection.ConnectionState.Reconnecting, Current: Tws.Connection.ConnectionState.Connected })
        {
            _recorder?.WriteReconnected(Clock.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Core.Dispose();
        try
        {
            await Task.WhenAll(_tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _lines.StaleNoticed -= OnStale;
        _client.StateChanged -= OnStateChanged;
        Core.Complete();
        _lines.Dispose();
        _stop.Dispose();
    }
}
