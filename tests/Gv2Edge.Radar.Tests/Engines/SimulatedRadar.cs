using System.Threading.Channels;
using Gv2Edge.Market;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Live;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.TestKit;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>
/// The engines the way the app composes them, over the gateway simulator on loopback TCP and one fake clock:
/// real client, subscription manager, streaming engine and state store, minute-bar baselines loaded through the
/// client, then the buffer sampler, acceleration engine and small-cap radar. Time moves in 5-second steps; after
/// each step the test waits until everything the simulator sent has reached the store (a reqCurrentTime round trip,
/// then the store matching the client's tickers), so the sampler and the radar read the same data on every run.
/// </summary>
/// <summary>The simulator tests share a collection: run one at a time, they keep each step's round trip short.</summary>
[Xunit.CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulatedRadarCollection
{
    public const string Name = "simulated radar";
}

internal sealed class SimulatedRadar : IAsyncDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Nudge = TimeSpan.FromMilliseconds(25);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly ChannelReader<RadarEvent> _streaming;
    private readonly List<RadarEvent> _published = [];
    private TimeSpan _drift;

    private SimulatedRadar(FakeTimeProvider inner, GatewaySimulator sim, TwsClient client, IReadOnlyList<string> symbols, Func<string, SymbolContext?>? context,
        bool asTheApp)
    {
        Inner = inner;
        Sim = sim;
        Client = client;
        Symbols = symbols;
        TimeProvider clock = sim.Clock;
        var sessions = new UsEquitySessions(new UsEquityCalendar());
        Data = new MarketDataService(client, sessions, clock);
        Store = new SymbolStateStore();
        var resolver = new ContractResolver(client.GetContractDetailsAsync, sessions, clock);
        Lines = new ClientMarketDataLines(client, resolver, clock);
        var options = new StreamingOptions();
        Subscriptions = new SubscriptionManager(Lines, Store, options, clock);
        Streaming = new StreamingEngine(Store, new HotList(options, clock), options, clock, Subscriptions);
        Lines.Attach(Streaming, Store);
        _streaming = Streaming.AddConsumer("engines-test", 4096);
        Buffer = new TickerStateBuffer();
        Sampler = new BufferSampler(Buffer, new DelegateSnapshotSource(Store.SnapshotAll), clock);
        Acceleration = new AccelerationEngine(Buffer, clock);
        Radar = new SmallCapRadar(Buffer, Acceleration, clock, Publish, context: context);
        // The app reads the bars through the lines' resolver and keeps them from the detectors' shared profile.
        Baselines = asTheApp
            ? MinuteBaselineLoader.ForClient(client, resolver, Buffer, shared: null, sessions.Calendar, clock)
            : MinuteBaselineLoader.ForMarketData(Data, Buffer, Store.Baselines, clock);
    }

    public FakeTimeProvider Inner { get; }

    public GatewaySimulator Sim { get; }

    public TwsClient Client { get; }

    public IReadOnlyList<string> Symbols { get; }

    public MarketDataService Data { get; }

    public SymbolStateStore Store { get; }

    public ClientMarketDataLines Lines { get; }

    public SubscriptionManager Subscriptions { get; }

    public StreamingEngine Streaming { get; }

    public TickerStateBuffer Buffer { get; }

    public BufferSampler Sampler { get; }

    public AccelerationEngine Acceleration { get; }

    public SmallCapRadar Radar { get; }

    public MinuteBaselineLoader Baselines { get; }

    /// <summary>Every symbol's state at every 5-second step, in order.</summary>
    public List<(DateTime Et, string Symbol, AccelerationState State)> States { get; } = [];

    /// <summary>The derivatives of every symbol after each sampling round.</summary>
    public List<(DateTime Et, string Symbol, DerivativeState D)> Rounds { get; } = [];

    /// <summary>Scan results of the radar, in order.</summary>
    public List<RadarScanResult> Scans { get; } = [];

    /// <summary>Everything the engines published (ACCELERATION, RADAR_BLIP), in order.</summary>
    public IReadOnlyList<RadarEvent> Published => _published;

    /// <summary>Streaming events seen (PRICE_SURGE, VOLUME_SPIKE, NEW_HIGH...).</summary>
    public List<RadarEvent> StreamingEvents { get; } = [];

    public DateTime NowEt => Sim.Clock.NowEt;

    /// <summary>Times the round trip needed the pacer's slot of fake time (diagnostics).</summary>
    public List<DateTime> Nudges { get; } = [];

    /// <summary>
    /// Starts <paramref name="scenario"/> (a built-in name or a scenario file), connects, loads baselines, subscribes and
    /// takes the first (reference) round at the next whole minute. <paramref name="asTheApp"/>: minute bars as the app
    /// loads them (through the client, buffer only) instead of through the market data service into the shared profile too.
    /// </summary>
    public static async Task<SimulatedRadar> StartAsync(
        string scenario,
        IReadOnlyList<string> symbols,
        Func<string, SymbolContext?>? context = null,
        IReadOnlyCollection<string>? unsubscribed = null,
        IReadOnlyList<string>? extraLines = null,
        bool asTheApp = false,
        IReadOnlyDictionary<string, HistoricalFailure>? historicalFailures = null)
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var sim = new GatewaySimulator(new SimulatorOptions
        {
            Port = 0,
            Scenario = scenario,
            Seed = 1,
            TimeProvider = inner,
            UnsubscribedSymbols = unsubscribed ?? [],
            DelayedDataEnabled = false,
            HistoricalFailures = historicalFailures ?? new Dictionary<string, HistoricalFailure>(),
        });
        await sim.StartAsync();
        var client = new TwsClient(new TwsClientOptions
        {
            Port = sim.Port,
            TimeProvider = sim.Clock,
            ReconnectJitter = 0,
            ClientId = 11,

            // Time moves in 5-second jumps and every step ends with a round trip, so the connection is known to be alive;
            // a heartbeat would also compete with that round trip for the pacer's slot.
            HeartbeatInterval = TimeSpan.FromHours(1),
        });
        var h = new SimulatedRadar(inner, sim, client, symbols, context, asTheApp);
        Task connect = client.ConnectAsync();
        await h.PumpAsync("connected", () => connect.IsCompleted);
        await connect;

        // Short enough to pump through when the simulator leaves a request unanswered.
        h.Baselines.RequestTimeout = TimeSpan.FromSeconds(10);
        Task load = h.Baselines.LoadAllAsync(symbols, h._stop.Token);
        await h.PumpAsync("minute-bar baselines loaded", () => load.IsCompleted, TimeSpan.FromMinutes(1));
        await load;

        CancellationToken token = h._stop.Token;
        h._tasks.Add(Task.Run(() => h.Lines.PumpAsync(token), token));
        h._tasks.Add(Task.Run(() => h.Streaming.RunAsync(token), token));
        foreach (string symbol in symbols.Concat(extraLines ?? []))
        {
            h.Subscriptions.Request(symbol, HotPriority.Normal);
        }

        await h.PumpAsync("first quotes in the store", () => symbols.All(s => h.Store.Snapshot(s) is { Last: > 0 }), TimeSpan.FromMinutes(1));
        DateTimeOffset now = sim.Clock.GetUtcNow();
        long ticks = now.UtcTicks % (5 * TimeSpan.TicksPerSecond);
        inner.Advance(TimeSpan.FromTicks((5 * TimeSpan.TicksPerSecond) - ticks));
        await h.SyncAsync();
        while (h.NowEt.Second != 0)
        {
            inner.Advance(Step - h._drift);
            h._drift = TimeSpan.Zero;
            await h.SyncAsync();
        }

        h.Sampler.SampleOnce();
        return h;
    }

    /// <summary>Moves the market in 5-second steps up to <paramref name="et"/> (New York time on the scenario's day).</summary>
    public async Task RunUntilAsync(TimeOnly et)
    {
        DateTime end = DateOnly.FromDateTime(NowEt).ToDateTime(et);
        while (NowEt < end - Nudge)
        {
            Inner.Advance(Step - _drift);
            _drift = TimeSpan.Zero;
            await SyncAsync();
            DateTime now = NowEt;
            if (now.Second == 0)
            {
                // What the app does on each sampling round: sample, then let the acceleration engine alert.
                Sampler.SampleOnce();
                foreach (RadarEvent e in Acceleration.ScanAll())
                {
                    Publish(e);
                }

                foreach (string s in Symbols)
                {
                    Rounds.Add((now, s, Buffer.GetDerivatives(s)));
                }
            }

            while (_streaming.TryRead(out RadarEvent? e))
            {
                StreamingEvents.Add(e);
                if (e.Type is EventTypes.PriceSurge or EventTypes.VolumeSpike or EventTypes.NewHigh)
                {
                    Radar.OnStreamingEvent(e);
                }
            }

            Scans.Add(Radar.Scan());
            foreach (string s in Symbols)
            {
                States.Add((now, s, Acceleration.Score(s).State));
            }
        }
    }

    /// <summary>The symbol's states in order, consecutive repeats collapsed.</summary>
    public List<AccelerationState> StateOrder(string symbol)
    {
        var order = new List<AccelerationState>();
        foreach ((_, string s, AccelerationState state) in States)
        {
            if (s == symbol && (order.Count == 0 || order[^1] != state))
            {
                order.Add(state);
            }
        }

        return order;
    }

    /// <summary>The symbol's state at a New York time (read at that 5-second step).</summary>
    public AccelerationState StateAt(string symbol, TimeOnly et) =>
        States.Single(x => x.Symbol == symbol && TimeOnly.FromDateTime(x.Et) == et).State;

    /// <summary>The derivatives right after the sampling round at <paramref name="et"/>.</summary>
    public DerivativeState RoundAt(string symbol, TimeOnly et) =>
        Rounds.Single(x => x.Symbol == symbol && TimeOnly.FromDateTime(x.Et) == et).D;

    /// <summary>A readable trace of one symbol's rounds, for assertion messages.</summary>
    public string Trace(string symbol) => string.Join(
        "\n",
        Rounds.Where(r => r.Symbol == symbol).Select(r =>
        {
            AccelerationScore a = AccelerationClassifier.Classify(r.D, Acceleration.Options);
            return FormattableString.Invariant(
                $"{r.Et:HH:mm} {a.State,-12} p={r.D.Price:0.000} chg={r.D.PriceChangePct:+0.00;-0.00}% v={r.D.PriceVelocityPctPerMin:+0.00;-0.00}%/min acc={r.D.PriceAccelerationPctPerMin2:+0.00;-0.00} vol={r.D.VolumePerMinute:0} vz={r.D.VolumeZ:0.0} pz={r.D.PriceZ:0.0} vAcc={r.D.VolumeAcceleration:0} trend={r.D.VolumeTrend:0} accum={a.Accumulation:0.00} ready={a.Readiness:0.00} {r.D.BaselineSource}");
        }));

    private void Publish(RadarEvent e)
    {
        lock (_published)
        {
            _published.Add(e);
        }
    }

    private Task PumpAsync(string reason, Func<bool> condition, TimeSpan? maxFake = null) =>
        FakeClockPump.UntilAsync(Inner, reason, condition, maxFake ?? TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));

    // Everything the simulator sent before the round trip's answer has been read by the client; then wait until
    // the pump moved it into the store.
    private async Task SyncAsync()
    {
        Task<DateTimeOffset> roundTrip = Client.GetCurrentTimeAsync();
        for (int nudge = 0; !roundTrip.IsCompleted; nudge++)
        {
            try
            {
                await roundTrip.WaitAsync(TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException) when (nudge < 3)
            {
                // In case another message left in this same instant, the client's pacer holds ours for one slot of
                // fake time; the next step gives the slot back so samples stay on whole minutes.
                Nudges.Add(NowEt);
                Inner.Advance(Nudge);
                _drift += Nudge;
            }
        }

        await Wait.UntilAsync("the store caught up with the client's tickers", () => Symbols.All(InStore));
    }

    private bool InStore(string symbol)
    {
        if (Lines.TickerOf(symbol) is not { } ticker || Store.Snapshot(symbol) is not { } stored)
        {
            return true;
        }

        QuoteTick t = TickerQuoteAdapter.ToQuoteTick(ticker.Snapshot(), default);
        return Same(t.Last, stored.Last) && Same(t.CumulativeVolume, stored.CumulativeVolume) && Same(t.Bid, stored.Bid) && Same(t.Ask, stored.Ask);
    }

    private static bool Same(double fromClient, double inStore) => double.IsNaN(fromClient) || fromClient == inStore;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_tasks).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        Radar.Dispose();
        Sampler.Dispose();
        Lines.Dispose();
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
        _stop.Dispose();
    }
}
