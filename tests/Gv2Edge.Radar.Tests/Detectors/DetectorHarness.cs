using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Tests.Detectors;

/// <summary>The real store and detector set for one symbol, recording what fires.</summary>
internal sealed class DetectorHarness
{
    public DetectorHarness(DetectorOptions? options = null, BaselineService? baselines = null)
    {
        Options = options ?? DetectorOptions.Default;
        Store = new SymbolStateStore(Options, baselines: baselines);
        Id = Store.Intern("ACME");
        Set = new DetectorSet(Options);
    }

    public DetectorOptions Options { get; }

    public SymbolStateStore Store { get; }

    public SymbolId Id { get; }

    public DetectorSet Set { get; }

    public List<(DateTimeOffset Time, DetectorSignal Signal, MarketSession Session)> Fired { get; } = [];

    public void Tick(DateTimeOffset time, QuoteTick tick)
    {
        Store.Apply(Id, in tick, out DetectorInput input);
        Span<DetectorSignal> signals = stackalloc DetectorSignal[DetectorSet.MaxSignals];
        int n = Set.Update(in input, signals);
        for (int i = 0; i < n; i++)
        {
            Fired.Add((time, signals[i], input.Session));
        }
    }

    public int Count(EventKind kind) => Fired.Count(f => f.Signal.Kind == kind);

    /// <summary>A baseline of about <paramref name="perMinute"/> shares a minute (alternating ±20%) at every minute of the day.</summary>
    public static BaselineService FlatBaseline(double perMinute, DateOnly date)
    {
        var bars = new List<Bar>();
        var day0 = new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.FromHours(-5));
        for (int d = 0; d < 5; d++)
        {
            for (int m = 0; m < 1440; m++)
            {
                bars.Add(new Bar(day0.AddDays(d).AddMinutes(m), 10, 10, 10, 10, (decimal)(m % 2 == 0 ? perMinute * 0.8 : perMinute * 1.2)));
            }
        }

        var service = new BaselineService();
        service.FromBars("ACME", date, bars);
        return service;
    }
}
