using System.Threading.Channels;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Radar.Tests.Detectors;
using Gv2Edge.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Radar.Tests.Streaming;

public sealed class EngineTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Scenario.Start);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gv2edge-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private StreamingEngine Engine(StreamingOptions? options = null, SubscriptionManager? subs = null, SymbolStateStore? store = null)
    {
        options ??= new StreamingOptions { HotListPath = Path.Combine(_dir, "hot.json") };
        store ??= new SymbolStateStore(baselines: DetectorHarness.FlatBaseline(1000, new DateOnly(2026, 11, 18)));
        return new StreamingEngine(store, new HotList(options, _time), options, _time, subs);
    }

    private static List<RadarEvent> Drain(ChannelReader<RadarEvent> reader)
    {
        var list = new List<RadarEvent>();
        while (reader.TryRead(out RadarEvent? e))
        {
            list.Add(e);
        }

        return list;
    }

    private void Stream(StreamingEngine engine, int fromSecond, int toSecond)
    {
        for (int ms = fromSecond * 1000; ms < toSecond * 1000; ms += 250)
        {
            _time.SetUtcNow(Scenario.Start.AddMilliseconds(ms));
            QuoteTick tick = Scenario.At(_time.GetUtcNow());
            engine.OnTick("ACME", in tick);
        }
    }

    [Fact]
    public void The_scenario_gives_each_event_once_with_the_contract_fields()
    {
        StreamingEngine engine = Engine();
        ChannelReader<RadarEvent> reader = engine.AddConsumer("journal");
        Stream(engine, 0, Scenario.Length);
        List<RadarEvent> events = Drain(reader);

        Assert.Equal(
            ["VOLUME_SPIKE", "NEW_HIGH", "PRICE_SURGE", "SPREAD_TIGHTENING", "HALTED", "RESUMED", "PRICE_DROP"],
            events.Select(e => e.Type));
        RadarEvent spike = events[0];
        Assert.Equal(("ACME", "RTH", "live", "HOT"), (spike.Symbol, spike.Session, spike.DataQuality, spike.Priority));
        Assert.Equal(3.0, spike.Threshold);
        Assert.NotNull(spike.Extra!["zScore"]);
        Assert.False(string.IsNullOrWhiteSpace(spike.Reason));
        Assert.Equal("general", events.Single(e => e.Type == "HALTED").Extra!["haltKind"]);

        StreamSummary summary = engine.Summary();
        Assert.Equal(Scenario.Length * 4, summary.Ticks);
        Assert.Equal(1, summary.Events["PRICE_DROP"]);
        Assert.Equal(0, summary.DroppedEvents);
    }

    [Fact]
    public async Task Fallback_on_paced_snapshots_gives_the_same_events_as_streaming()
    {
        StreamingEngine streaming = Engine();
        ChannelReader<RadarEvent> streamed = streaming.AddConsumer("a");
        Stream(streaming, 0, Scenario.Length);

        var options = new StreamingOptions { SnapshotInterval = TimeSpan.FromSeconds(2) };
        var time = new FakeTimeProvider(Scenario.Start);
        var store = new SymbolStateStore(baselines: DetectorHarness.FlatBaseline(1000, new DateOnly(2026, 11, 18)));
        var fallbackEngine = new StreamingEngine(store, new HotList(options, time), options, time);
        ChannelReader<RadarEvent> polled = fallbackEngine.AddConsumer("a");
        var fallback = new SnapshotFallback(fallbackEngine, new ScenarioSnapshots(time), options, time);
        fallback.Add("ACME");
        for (int s = 0; s < Scenario.Length; s += 2)
        {
            time.SetUtcNow(Scenario.Start.AddSeconds(s));
            await fallback.PollRoundAsync();
        }

        List<RadarEvent> a = Drain(streamed), b = Drain(polled);
        Assert.Equal(a.Select(e => e.Type), b.Select(e => e.Type));
        Assert.All(a.Zip(b), p => Assert.InRange((p.Second.Time - p.First.Time).TotalSeconds, -2.01, 2.01));
        Assert.True(fallbackEngine.Summary().FallbackMode);
    }

    [Fact]
    public async Task A_volume_spike_promotes_to_hot_and_triggers_one_immediate_scan()
    {
        StreamingEngine engine = Engine();
        var scanned = new List<string>();
        engine.ImmediateScan = (symbol, _) =>
        {
            lock (scanned)
            {
                scanned.Add(symbol);
            }

            return Task.CompletedTask;
        };
        using var cts = new CancellationTokenSource();
        Task run = engine.RunAsync(cts.Token);
        Stream(engine, 0, 300);

        await Wait.UntilAsync("the immediate scan of ACME", () => { lock (scanned) { return scanned.Count == 1; } });
        Assert.Equal(HotPriority.Hot, engine.HotList.PriorityOf("ACME"));
        await cts.CancelAsync();
        await Wait.ForAsync("engine stop", run.ContinueWith(_ => true, TaskScheduler.Default));
        Assert.Equal(["ACME"], scanned);
    }

    [Fact]
    public void Hot_entries_expire_after_four_hours_and_warm_after_two()
    {
        StreamingEngine engine = Engine();
        engine.HotList.Push("HOTT", HotPriority.Hot, "test");
        engine.HotList.Push("WARM", HotPriority.Warm, "test");
        engine.HotList.Push("WARM", HotPriority.Normal, "weaker push only refreshes");

        _time.Advance(TimeSpan.FromHours(2));
        engine.RunMaintenance();
        Assert.Equal(HotPriority.Normal, engine.HotList.PriorityOf("WARM"));
        Assert.Equal(HotPriority.Hot, engine.HotList.PriorityOf("HOTT"));

        _time.Advance(TimeSpan.FromHours(2));
        engine.RunMaintenance();
        Assert.Equal(0, engine.HotList.Count);
    }

    [Fact]
    public void The_hot_list_survives_a_restart()
    {
        var options = new StreamingOptions { HotListPath = Path.Combine(_dir, "state", "hot.json") };
        var first = new HotList(options, _time);
        first.Push("ACME", HotPriority.Hot, "VOLUME_SPIKE");
        first.Push("BETA", HotPriority.Normal, "manual");
        first.Save();
        Assert.False(File.Exists(options.HotListPath + ".tmp"));

        _time.Advance(TimeSpan.FromMinutes(90)); // BETA (NORMAL, 1 h) has expired meanwhile
        var second = new HotList(options, _time);
        HotEntry entry = Assert.Single(second.Entries());
        Assert.Equal(("ACME", HotPriority.Hot, "VOLUME_SPIKE"), (entry.Symbol, entry.Priority, entry.Reason));
        Assert.Equal(Scenario.Start.AddHours(4), entry.ExpiresAt);
        Assert.Null(second.LoadProblem);
    }

    [Fact]
    public void A_corrupt_hot_list_file_is_kept_aside_and_reported()
    {
        var options = new StreamingOptions { HotListPath = Path.Combine(_dir, "hot.json") };
        Directory.CreateDirectory(_dir);
        File.WriteAllText(options.HotListPath, "{ not json");

        var list = new HotList(options, _time);
        Assert.Equal(0, list.Count);
        Assert.Contains("could not be read", list.LoadProblem);
        Assert.True(File.Exists(options.HotListPath + ".corrupt"));
    }

    [Fact]
    public void A_slow_consumer_loses_only_its_own_events_and_the_loss_is_counted()
    {
        StreamingEngine engine = Engine();
        ChannelReader<RadarEvent> slow = engine.AddConsumer("dashboard", capacity: 2);
        ChannelReader<RadarEvent> fast = engine.AddConsumer("journal", capacity: 100);
        for (int i = 0; i < 10; i++)
        {
            QuoteTick tick = QuoteTick.Empty(_time.GetUtcNow()) with { Last = 10, Halted = 1 };
            engine.OnTick($"S{i}", in tick);
        }

        Assert.Equal(10, Drain(fast).Count);
        Assert.Equal(2, Drain(slow).Count);
        Assert.Equal(8, engine.Summary().DroppedEvents);
        Assert.Equal(8, engine.Events.DroppedByConsumer()["dashboard"]);
    }

    [Fact]
    public async Task After_a_reconnect_the_catch_up_is_not_a_spike_and_a_later_move_still_fires()
    {
        var lines = new FakeLines(budget: 10);
        var store = new SymbolStateStore(baselines: DetectorHarness.FlatBaseline(1000, new DateOnly(2026, 11, 18)));
        var options = new StreamingOptions();
        var subs = new SubscriptionManager(lines, store, options, _time);
        StreamingEngine engine = Engine(options, subs, store);
        ChannelReader<RadarEvent> reader = engine.AddConsumer("journal");
        subs.Request("ACME", HotPriority.Normal);
        await subs.SendBatchAsync();

        var m = new ScriptedMarket();
        void Sink(DateTimeOffset t, QuoteTick q)
        {
            _time.SetUtcNow(t);
            engine.OnTick("ACME", in q);
        }

        DateTimeOffset t = m.Run(Scenario.Start, 120, Sink);
        lines.DropAll();
        engine.OnReconnected();
        await subs.SendBatchAsync();
        m.Cumulative += 300_000;
        m.Last = 10.50; // moved 5% while we were away
        t = m.Run(t.AddMinutes(3), 120, Sink);
        Assert.DoesNotContain(Drain(reader), e => e.Type is "VOLUME_SPIKE" or "PRICE_SURGE");

        m.VolumePerSecond = 5000.0 / 60;
        t = m.Run(t, 90, Sink);
        m.VolumePerSecond = 1000.0 / 60;
        m.Run(t, 60, Sink, s => m.Last = 10.50 + (0.35 * Math.Min(s + 1, 30) / 30));

        List<RadarEvent> after = Drain(reader);
        Assert.Equal(1, after.Count(e => e.Type == "VOLUME_SPIKE"));
        Assert.Equal(1, after.Count(e => e.Type == "PRICE_SURGE"));
        Assert.Equal(1, engine.Summary().Reconnects);
        Assert.Equal(["ACME"], lines.Open);
    }

    private sealed class ScenarioSnapshots(TimeProvider time) : IQuoteSnapshots
    {
        public ValueTask<QuoteTick?> GetSnapshotAsync(string symbol, CancellationToken cancellationToken) =>
            ValueTask.FromResult<QuoteTick?>(Scenario.At(time.GetUtcNow()));
    }
}
