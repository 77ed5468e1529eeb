using System.Threading.Channels;
using Gv2Edge.Market;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Live;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;

namespace Gv2Edge.Cli.Pipeline;

/// <summary>
/// The app's composition of the engines over one connected client: subscription manager and streaming engine fed
/// by the client's tickers, the ticker state buffer and acceleration engine fed by the state store on a fixed
/// clock, and one merged, bounded stream of events for the outputs (console, journal, alerts, dashboard). Every
/// part runs on the one clock it is given (the simulator's market clock in <c>edge demo</c>).
/// </summary>
public sealed class LivePipeline : IAsyncDisposable
{
    private readonly TwsClient _client;
    private readonly TimeProvider _clock;
    private readonly ClientMarketDataLines _lines;
    private readonly BufferSampler _sampler;
    private readonly AccelerationEngine _acceleration;
    private readonly SmallCapRadar _radar;
    private readonly Channel<RadarEvent> _merged = Channel.CreateBounded<RadarEvent>(new BoundedChannelOptions(8192) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private long _droppedMerged;

    public LivePipeline(TwsClient client, TimeProvider clock, StreamingOptions streamingOptions, DetectorOptionsProvider? detectors = null)
    {
        _client = client;
        _clock = clock;
        Sessions = new UsEquitySessions(new UsEquityCalendar());
        Resolver = new ContractResolver(client.GetContractDetailsAsync, Sessions, clock);
        Store = new SymbolStateStore(detectors?.Options);
        _lines = new ClientMarketDataLines(client, Resolver, clock);
        Subscriptions = new SubscriptionManager(_lines, Store, streamingOptions, clock);
        Engine = new StreamingEngine(Store, new HotList(streamingOptions, clock), streamingOptions, clock, Subscriptions);
        _lines.Attach(Engine, Store);
        Buffer = new TickerStateBuffer(new TickerBufferOptions());
        _sampler = new BufferSampler(Buffer, new DelegateSnapshotSource(Store.SnapshotAll), clock);
        _acceleration = new AccelerationEngine(Buffer, clock);
        _sampler.Sampled += _ => OnSampled();
        _radar = new SmallCapRadar(Buffer, _acceleration, clock, e => Publish(e with { Priority = Engine.HotList.PriorityOf(e.Symbol).ToWord() }));
        Baselines = new BaselineLoader(client, Resolver, Store, Sessions, clock);
    }

    /// <summary>Loads each symbol's own volume baseline from its daily history.</summary>
    public BaselineLoader Baselines { get; }

    /// <summary>The one clock every part runs on.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>The US equity sessions (calendar) the pipeline uses.</summary>
    public UsEquitySessions Sessions { get; }

    /// <summary>Symbol → contract, cached per session.</summary>
    public ContractResolver Resolver { get; }

    /// <summary>The one per-symbol state store.</summary>
    public SymbolStateStore Store { get; }

    /// <summary>Who holds lines.</summary>
    public SubscriptionManager Subscriptions { get; }

    /// <summary>The streaming engine.</summary>
    public StreamingEngine Engine { get; }

    /// <summary>The acceleration engine's buffer.</summary>
    public TickerStateBuffer Buffer { get; }

    /// <summary>Every event of every engine, in arrival order (read by exactly one output loop).</summary>
    public ChannelReader<RadarEvent> Events => _merged.Reader;

    /// <summary>Events the merged channel had to drop (a stalled output); counted, shown in the summary.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedMerged) + Engine.Events.Dropped;

    /// <summary>Ticks moved from the client into the engine.</summary>
    public long Ticks => _lines.Ticks;

    /// <summary>Requests persistent lines for <paramref name="symbols"/> and starts every loop.</summary>
    public void Start(IEnumerable<string> symbols)
    {
        var list = symbols.ToList();
        foreach (string symbol in list)
        {
            Subscriptions.Request(symbol, HotPriority.Normal);
        }

        ChannelReader<RadarEvent> streaming = Engine.AddConsumer("app", 4096);
        CancellationToken token = _stop.Token;
        _tasks.Add(Task.Run(() => Baselines.LoadAllAsync(list, token), token));
        _tasks.Add(Task.Run(() => _lines.PumpAsync(token), token));
        _tasks.Add(Task.Run(() => Subscriptions.RunAsync(token), token));
        _tasks.Add(Task.Run(() => Engine.RunAsync(token), token));
        _tasks.Add(Task.Run(() => ForwardAsync(streaming, token), token));
        _sampler.Start();
        _radar.Start();
    }

    private void OnSampled()
    {
        foreach (RadarEvent e in _acceleration.ScanAll())
        {
            Publish(e with { Priority = Engine.HotList.PriorityOf(e.Symbol).ToWord() });
        }
    }

    private async Task ForwardAsync(ChannelReader<RadarEvent> source, CancellationToken token)
    {
        try
        {
            await foreach (RadarEvent e in source.ReadAllAsync(token).ConfigureAwait(false))
            {
                Publish(e);

                // The guide's routing: PRICE_SURGE and VOLUME_SPIKE make the small-cap radar evaluate that symbol now;
                // NEW_HIGH is one of its inputs.
                if (e.Type is EventTypes.PriceSurge or EventTypes.VolumeSpike or EventTypes.NewHigh)
                {
                    _radar.OnStreamingEvent(e);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private void Publish(RadarEvent e)
    {
        if (!_merged.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _droppedMerged);
        }
    }

    /// <summary>Totals for the final summary line.</summary>
    public StreamSummary Summary() => Engine.Summary();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _sampler.Dispose();
        _radar.Dispose();
        try
        {
            await Task.WhenAll(_tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _merged.Writer.TryComplete();
        _lines.Dispose();
        _stop.Dispose();
    }
}

/// <summary>Detector thresholds for the pipeline (null: the guide's defaults).</summary>
public sealed record DetectorOptionsProvider(Radar.Detectors.DetectorOptions Options);
