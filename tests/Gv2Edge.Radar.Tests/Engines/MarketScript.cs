using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>
/// Drives one symbol minute by minute through the real sampler, buffer and engine with a fake clock: the "market"
/// updates the store's snapshot half-way through each minute, the sampler samples on the minute, and the engine
/// is evaluated every 5 seconds (the radar's rhythm).
/// </summary>
internal sealed class MarketScript
{
    private readonly SnapshotStore _store = new();
    private double _cumulative;

    public MarketScript(string symbol, IntradayBaseline? baseline, double startCumulative = 100_000)
    {
        Symbol = symbol;
        _cumulative = startCumulative;
        Clock = new FakeTimeProvider(EngineFixtures.TenAm.AddSeconds(-30));
        Buffer = new TickerStateBuffer();
        if (baseline is not null)
        {
            Buffer.SetBaseline(symbol, baseline);
        }

        Engine = new AccelerationEngine(Buffer, Clock);
        Sampler = new BufferSampler(Buffer, _store, Clock);
        _store.Set(EngineFixtures.Snapshot(symbol, 5.00, _cumulative));
        Sampler.Start();
        Clock.Advance(TimeSpan.FromSeconds(30)); // 10:00:00: the first round only sets the volume reference
    }

    public string Symbol { get; }

    public FakeTimeProvider Clock { get; }

    public TickerStateBuffer Buffer { get; }

    public AccelerationEngine Engine { get; }

    public BufferSampler Sampler { get; }

    public List<(DateTimeOffset Time, AccelerationState State)> States { get; } = [];

    public List<RadarEvent> Alerts { get; } = [];

    /// <summary>One minute: at :30 the price and the minute's volume reach the store, then 5-second evaluations to the next minute.</summary>
    public void Minute(double price, double volume)
    {
        Evaluate(6);
        _cumulative += volume;
        _store.Set(EngineFixtures.Snapshot(Symbol, price, _cumulative));
        Evaluate(6);
    }

    /// <summary>Several ticks 200 ms apart inside the current minute (what IB streams), then the rest of the minute.</summary>
    public void Ticks(IEnumerable<(double Price, double Volume)> ticks)
    {
        Evaluate(6);
        int n = 0;
        foreach ((double price, double volume) in ticks)
        {
            _cumulative += volume;
            _store.Set(EngineFixtures.Snapshot(Symbol, price, _cumulative));
            Clock.Advance(TimeSpan.FromMilliseconds(200));
            n++;
        }

        Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(200 * n));
        Record();
        Evaluate(5);
    }

    private void Evaluate(int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            Record();
        }
    }

    private void Record()
    {
        States.Add((Clock.GetUtcNow(), Engine.Score(Symbol).State));
        Alerts.AddRange(Engine.ScanAll());
    }

    /// <summary>States in order with consecutive repeats collapsed.</summary>
    public List<AccelerationState> StateOrder() =>
        States.Select(s => s.State).Where((s, i) => i == 0 || States[i - 1].State != s).ToList();
}
