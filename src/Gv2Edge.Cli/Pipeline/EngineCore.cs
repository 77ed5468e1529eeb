using System.Threading.Channels;
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
    private readonly SmallCapRadar _radar;
    private readonly Channel<RadarEvent> _merged = Channel.CreateBounded<RadarEvent>(new BoundedChannelOptions(8192) { FullMode = BoundedChannelFullMode.DropWrite });
    private ChannelReader<RadarEvent>? _streaming;
    private long _droppedMerged;

    /// <summary>Builds the engines on <paramref name="clock"/>.</summary>
    /// <param name="clock">The one clock every engine runs on.</param>
    /// <param name="streaming">Streaming options (hot-list TTLs, promotion thresholds).</param>
    /// <param name="detectors">Detector thresholds; null: the guide's defaults.</param>
    /// <param name="subscriptions">Builds the subscription manager over the store; null when nothing holds lines (replay).</param>
    public EngineCore(TimeProvider clock, StreamingOptions streaming, DetectorOptions? detectors = null, Func<SymbolStateStore, SubscriptionManager>? subscriptions = null)
    {
        Clock = clock;
        Sessions = new UsEquitySessions(new UsEquityCalendar());
        Store = new SymbolStateStore(detectors);
        Subscriptions = subscriptions?.Invoke(Store);
        Engine = new StreamingEngine(Store, new HotList(streaming, clock), streaming, clock, Subscriptions);
        Buffer = new TickerStateBuffer(new TickerBufferOptions());
        _sampler = new BufferSampler(Buffer, new DelegateSnapshotSource(Store.SnapshotAll), clock);
        _acceleration = new AccelerationEngine(Buffer, clock);
        _sampler.Sampled += _ => OnSampled();
        _radar = new SmallCapRadar(Buffer, _acceleration, clock, e => Publish(WithPriority(e)));
    }

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
        _streaming ??= Engine.AddConsumer("app", 4096);
        _sampler.Start();
        _radar.Start();
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
                _radar.OnStreamingEvent(e);
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

    /// <summary>Totals for the final summary line.</summary>
    public StreamSummary Summary() => Engine.Summary();

    /// <summary>Ends the merged stream (after the producers stopped).</summary>
    public void Complete() => _merged.Writer.TryComplete();

    /// <inheritdoc />
    public void Dispose()
    {
        _sampler.Dispose();
        _radar.Dispose();
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
