using BenchmarkDotNet.Attributes;
using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;

namespace Gv2Edge.Benchmarks;

/// <summary>
/// Cost of one level-1 update through the streaming path in steady state (no event fires): state store update
/// (1-second ring, rolling windows, period volume, session highs) + the six detectors + cooldown gate, for 200
/// symbols updated round-robin at IB's 250 ms cadence. Results are per tick (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmark
{
    private const int Symbols = 200;
    private const int TicksPerInvoke = 2_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero); // 10:00 New York

    private StreamingEngine _engine = null!;
    private SymbolStateStore _store = null!;
    private DetectorSet[] _sets = [];
    private SymbolId[] _ids = [];
    private double[] _cumulative = [];
    private long _step;

    [GlobalSetup]
    public void Setup()
    {
        var baselines = new BaselineService();
        var date = new DateOnly(2026, 11, 18);
        _store = new SymbolStateStore(DetectorOptions.Default, baselines: baselines);
        TimeProvider time = TimeProvider.System; // no event fires, so the engine never reads the clock here
        var options = new StreamingOptions();
        _engine = new StreamingEngine(_store, new HotList(options, time), options, time);
        _ids = new SymbolId[Symbols];
        _sets = new DetectorSet[Symbols];
        _cumulative = new double[Symbols];
        for (int i = 0; i < Symbols; i++)
        {
            string symbol = $"S{i:000}";
            baselines.FromAverageDailyVolume(symbol, date, 50_000_000);
            _ids[i] = _store.Intern(symbol);
            _sets[i] = new DetectorSet(DetectorOptions.Default);
            _cumulative[i] = 1_000_000;
        }

        // Ten minutes of history so every window is full before measuring.
        for (int k = 0; k < 600 * 4 * Symbols; k++)
        {
            EngineTick();
        }
    }

    /// <summary>Engine path: store + detectors + counters (what <c>OnTick</c> costs).</summary>
    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public void EngineOnTick()
    {
        for (int k = 0; k < TicksPerInvoke; k++)
        {
            EngineTick();
        }
    }

    /// <summary>Store update + detector set only, without the engine's bookkeeping.</summary>
    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public int StoreAndDetectors()
    {
        int fired = 0;
        Span<DetectorSignal> signals = stackalloc DetectorSignal[DetectorSet.MaxSignals];
        for (int k = 0; k < TicksPerInvoke; k++)
        {
            QuoteTick tick = Next(out int i);
            _store.Apply(_ids[i], in tick, out DetectorInput input);
            fired += _sets[i].Update(in input, signals);
        }

        return fired;
    }

    private void EngineTick()
    {
        QuoteTick tick = Next(out int i);
        _engine.OnTick(_ids[i], in tick);
    }

    /// <summary>A quiet market: prices wobble by a cent, volume at the baseline rate, steady spread.</summary>
    private QuoteTick Next(out int i)
    {
        long step = _step++;
        i = (int)(step % Symbols);
        long round = step / Symbols;

        // Keep the clock inside regular hours: wrap every 5 hours back to 10:00 by moving to the same time a week later.
        long quarterSeconds = round % (5 * 3600 * 4);
        long weeks = round / (5 * 3600 * 4);
        DateTimeOffset time = Start.AddDays(7 * weeks).AddMilliseconds(quarterSeconds * 250);
        _cumulative[i] += 25;
        double last = (round & 1) == 0 ? 10.00 : 10.01;
        return new QuoteTick
        {
            Time = time,
            Bid = last - 0.01,
            Ask = last + 0.01,
            Last = last,
            BidSize = 500,
            AskSize = 400,
            CumulativeVolume = _cumulative[i],
            DayHigh = double.NaN,
            DayLow = double.NaN,
            PrevClose = 9.8,
            Open = 9.9,
            Vwap = double.NaN,
            Halted = 0,
            Quality = DataQuality.Live,
        };
    }
}
