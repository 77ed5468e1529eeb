using System.Threading.Channels;
using Gv2Edge.Cli.Configuration;
using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// The engines without a gateway: the state store, the streaming engine and its hot list, the acceleration engine
/// (sampled from the store on a fixed clock) and the small-cap radar, merged into one bounded event stream. The live
/// pipeline feeds it from the client; <c>edge replay</c> feeds it from a recording on a fake clock, so both run the
/// very same detectors with the very same thresholds.
/// </summary>
public sealed class EngineCore : IDisposable
{
    private readonly BufferSampler _sampler;
    private readonly AccelerationEngine _acceleration;
    private readonly Channel<RadarEvent> _merged = Channel.CreateBounded<RadarEvent>(new BoundedChannelOptions(8192) { FullMode = BoundedChannelFullMode.DropWrite });
    private ChannelReader<RadarEvent>? _streaming;
    private long _droppedMerged;

    /// <summary>Builds the engines on <paramref name="clock"/>.</summary>
    /// <param name="clock">The one clock every engine runs on.</param>
    /// <param name="streaming">Streaming options (hot-list TTLs, promotion thresholds).</param>
    /// <param name="detectors">Detector thresholds; null: the guide's defaults.</param>
    /// <param name="subscriptions">Builds the subscription manager over the store; null when nothing holds lines (replay).</param>
    /// <param name="setup">The radar's filters and universe context; null: <see cref="EngineSetup.Default"/> (no context).</param>
    public EngineCore(TimeProvider clock, StreamingOptions streaming, DetectorOptions? detectors = null, Func<SymbolStateStore, SubscriptionManager>? subscriptions = null,
        EngineSetup? setup = null)
    {
        Clock = clock;
        Setup = setup ?? EngineSetup.Default;
        Sessions = new UsEquitySessions(new UsEquityCalendar());
        Store = new SymbolStateStore(detectors);
        Subscriptions = subscriptions?.Invoke(Store);
        Engine = new StreamingEngine(Store, new HotList(streaming, clock), streaming, clock, Subscriptions);
        Buffer = new TickerStateBuffer(new TickerBufferOptions());
        _sampler = new BufferSampler(Buffer, new DelegateSnapshotSource(Store.SnapshotAll), clock);
        _acceleration = new AccelerationEngine(Buffer, clock);
        _sampler.Sampled += _ => OnSampled();
        UniverseContext universe = Setup.Universe;
        Radar = new SmallCapRadar(Buffer, _acceleration, clock, e => Publish(WithPriority(e)), Setup.Settings.RadarOptions(), universe.For);
    }

    /// <summary>The radar's filters and universe context, and the minute-baseline settings.</summary>
    public EngineSetup Setup { get; }

    /// <summary>The small-cap radar (its last scan says which symbols the filters refused).</summary>
    public SmallCapRadar Radar { get; }

    /// <summary>The one clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The US equity sessions (calendar).</summary>
    public UsEquitySessions Sessions { get; }

    /// <summary>The one per-symbol state store.</summary>
    public SymbolStateStore Store { get; }

    /// <summary>Who holds lines (null in replay).</summary>
    public SubscriptionManager? Subscriptions { get; }

    /// <summary>The streaming engine.</summary>
    public StreamingEngine Engine { get; }

    /// <summary>The acceleration engine's buffer.</summary>
    public TickerStateBuffer Buffer { get; }

    /// <summary>Every event of every engine, in arrival order (read by exactly one output loop).</summary>
    public ChannelReader<RadarEvent> Events => _merged.Reader;

    /// <summary>Events the merged channel had to drop (a stalled output) plus the engine's own; shown in the summary.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedMerged) + Engine.Events.Dropped;

    /// <summary>Registers the streaming consumer and starts the sampler's and the radar's timers.</summary>
    public void Start()
    {
        Setup.Log?.Invoke("edge: " + Setup.Describe());
        _streaming ??= Engine.AddConsumer("app", 4096);
        _sampler.Start();
        Radar.Start();
    }

    /// <summary>
    /// Moves the streaming events waiting now into the merged stream, routing PRICE_SURGE, VOLUME_SPIKE and NEW_HIGH to
    /// the small-cap radar (the guide's routing). Synchronous, so a replay stays deterministic.
    /// </summary>
    public int DrainStreaming()
    {
        ChannelReader<RadarEvent> source = _streaming ?? throw new InvalidOperationException("Start the engines first.");
        int n = 0;
        while (source.TryRead(out RadarEvent? e))
        {
            Publish(e);
            if (e.Type is EventTypes.PriceSurge or EventTypes.VolumeSpike or EventTypes.NewHigh)
            {
                Radar.OnStreamingEvent(e);
            }

            n++;
        }

        return n;
    }

    /// <summary>Drains the streaming events as they come until cancelled (the live loop).</summary>
    public async Task ForwardAsync(CancellationToken token)
    {
        ChannelReader<RadarEvent> source = _streaming ?? throw new InvalidOperationException("Start the engines first.");
        try
        {
            while (await source.WaitToReadAsync(token).ConfigureAwait(false))
            {
                DrainStreaming();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Loads the symbols' minute-bar baselines in the background (the dashboard does not wait), telling
    /// <see cref="EngineSetup.Log"/> at the start, at each quarter and at the end. A symbol whose bars fail keeps its own
    /// samples as baseline (lower confidence); a loader that stops early is said, never thrown at the pipeline.
    /// </summary>
    public async Task LoadMinuteBaselinesAsync(MinuteBaselineLoader? loader, IReadOnlyList<string> symbols, CancellationToken token)
    {
        if (loader is null || symbols.Count == 0)
        {
            return;
        }

        Action<string>? log = Setup.Log;
        int reported = 0;
        void OnProgress(object? sender, MinuteBaselineProgress p)
        {
            // One line per quarter crossed (the last quarter is the end line below), whichever loading task crosses it.
            int reached = (int)(4 * (p.LoadedCount + p.FailedCount) / Math.Max(1, p.Total));
            for (int seen = Volatile.Read(ref reported); reached > seen && reached < 4; seen = Volatile.Read(ref reported))
            {
                if (Interlocked.CompareExchange(ref reported, reached, seen) == seen)
                {
                    log?.Invoke($"edge: minute baselines {p.LoadedCount + p.FailedCount}/{p.Total} symbols ({p.FailedCount} failed).");
                    break;
                }
            }
        }

        log?.Invoke($"edge: loading the 1-minute bars of {symbols.Count} symbols' last {loader.Sessions} sessions in the background "
            + $"({symbols.Count * loader.Sessions} history requests, paced); until a symbol's are in, it is judged against its own samples.");
        loader.Progress += OnProgress;
        try
        {
            await loader.LoadAllAsync(symbols, token).ConfigureAwait(false);
            log?.Invoke($"edge: minute baselines loaded for {loader.Loaded} of {loader.Requested} symbols"
                + (loader.Failed > 0 ? $"; {loader.Failed} without bars use their own samples (lower confidence)." : "."));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex) // a background loader must never take the pipeline down; the symbols keep their own samples
        {
            log?.Invoke($"edge: minute baselines stopped after {loader.Loaded} symbols: {ex.Message}");
        }
        finally
        {
            loader.Progress -= OnProgress;
        }
    }

    /// <summary>Totals for the final summary line.</summary>
    public StreamSummary Summary() => Engine.Summary();

    /// <summary>Ends the merged stream (after the producers stopped).</summary>
    public void Complete() => _merged.Writer.TryComplete();

    /// <inheritdoc />
    public void Dispose()
    {
        _sampler.Dispose();
        Radar.Dispose();
    }

    private void OnSampled()
    {
        foreach (RadarEvent e in _acceleration.ScanAll())
        {
            Publish(WithPriority(e));
        }
    }

    private RadarEvent WithPriority(RadarEvent e) => e with { Priority = Engine.HotList.PriorityOf(e.Symbol).ToWord() };

    private void Publish(RadarEvent e)
    {
        if (!_merged.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _droppedMerged);
        }
    }
}
