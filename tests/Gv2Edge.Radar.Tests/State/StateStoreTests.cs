using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Tests.Detectors;
using Xunit;

namespace Gv2Edge.Radar.Tests.State;

public class StateStoreTests
{
    private static readonly DateTimeOffset T0 = ScriptedMarket.RthMorning;

    private static void Apply(SymbolStateStore store, SymbolId id, QuoteTick tick) => store.Apply(id, in tick, out _);

    [Fact]
    public void Interning_is_idempotent_and_case_insensitive()
    {
        var store = new SymbolStateStore();
        SymbolId a = store.Intern("acme");
        Assert.Equal(a, store.Intern(" ACME "));
        Assert.NotEqual(a, store.Intern("BETA"));
        Assert.Equal("ACME", store.SymbolOf(a));
        Assert.Null(store.Snapshot(a));
        Assert.Throws<ArgumentException>(() => store.Intern(" "));
    }

    [Fact]
    public void Period_volume_comes_from_differences_of_the_cumulative_volume()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        Apply(store, id, QuoteTick.Empty(T0) with { Last = 10, CumulativeVolume = 1_000_000 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(1)) with { Last = 10, CumulativeVolume = 1_000_100 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(2)) with { Last = 10, CumulativeVolume = 1_000_350 });

        SymbolSnapshot s = store.Snapshot(id)!.Value;
        Assert.Equal(350, s.VolumeLastMinute);
        Assert.Equal(350, s.PeriodVolumeToday);
        Assert.Equal(1_000_350, s.CumulativeVolume);
    }

    [Fact]
    public void A_silent_gap_restarts_the_period_volume_instead_of_counting_the_catch_up()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        Apply(store, id, QuoteTick.Empty(T0) with { Last = 10, CumulativeVolume = 1_000 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(1)) with { Last = 10, CumulativeVolume = 1_100 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(45)) with { Last = 10, CumulativeVolume = 90_000 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(46)) with { Last = 10, CumulativeVolume = 90_040 });

        SymbolSnapshot s = store.Snapshot(id)!.Value;
        Assert.Equal(40, s.VolumeLastMinute);
        Assert.Equal(140, s.PeriodVolumeToday);
    }

    [Fact]
    public void A_lower_cumulative_volume_restarts_the_count_without_negative_volume()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        Apply(store, id, QuoteTick.Empty(T0) with { CumulativeVolume = 5_000 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(1)) with { CumulativeVolume = 200 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(2)) with { CumulativeVolume = 260 });

        Assert.Equal(60, store.Snapshot(id)!.Value.VolumeLastMinute);
    }

    [Fact]
    public void Pre_market_and_regular_highs_and_lows_are_kept_separately()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        DateTimeOffset pre = ScriptedMarket.PreMarket;
        Apply(store, id, QuoteTick.Empty(pre) with { Last = 5.0, DayHigh = 9.0, DayLow = 1.0 });
        Apply(store, id, QuoteTick.Empty(pre.AddMinutes(1)) with { Last = 5.5 });
        Apply(store, id, QuoteTick.Empty(pre.AddMinutes(2)) with { Last = 4.8 });
        Apply(store, id, QuoteTick.Empty(T0) with { Last = 5.2, DayHigh = 5.6, DayLow = 4.8 });
        Apply(store, id, QuoteTick.Empty(T0.AddMinutes(1)) with { Last = 5.1 });

        SymbolSnapshot s = store.Snapshot(id)!.Value;
        Assert.Equal((5.5, 4.8), (s.PreMarketHigh, s.PreMarketLow));
        Assert.Equal((5.2, 5.1), (s.RthHigh, s.RthLow));
        Assert.Equal((5.6, 4.8), (s.DayHigh, s.DayLow));
        Assert.Equal("RTH", s.Session);
    }

    [Fact]
    public void Seconds_are_aggregated_on_a_fixed_clock_with_empty_seconds_for_silence()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        Apply(store, id, QuoteTick.Empty(T0) with { Last = 10, CumulativeVolume = 0 });
        Apply(store, id, QuoteTick.Empty(T0.AddMilliseconds(500)) with { Last = 10.2, CumulativeVolume = 10 });
        Apply(store, id, QuoteTick.Empty(T0.AddSeconds(3)) with { Last = 9.9, CumulativeVolume = 30 });

        Span<SecondBar> bars = stackalloc SecondBar[10];
        int n = store.CopySeconds(id, bars);
        Assert.Equal(4, n);
        Assert.Equal((10.2, 10.0, 10.0), (bars[0].High, bars[0].Low, bars[0].Volume));
        Assert.True(double.IsNaN(bars[1].High));
        Assert.Equal(10.2, bars[2].Close);
        Assert.Equal((9.9, 20.0), (bars[3].Close, bars[3].Volume));
        Assert.Equal(T0.ToUnixTimeSeconds() + 3, bars[3].UnixSecond);
    }

    [Fact]
    public void Snapshots_carry_the_time_of_day_baseline()
    {
        var baselines = DetectorHarness.FlatBaseline(1000, new DateOnly(2026, 11, 18));
        var store = new SymbolStateStore(DetectorOptions.Default, baselines: baselines);
        SymbolId id = store.Intern("ACME");
        Apply(store, id, QuoteTick.Empty(T0) with { Last = 10 });

        Assert.InRange(store.Snapshot("acme")!.Value.ExpectedVolumePerMinute, 950, 1050); // 5-minute pooling of 800/1200
    }
}
