using Gv2Edge.Radar.Engines;
using Xunit;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

public class BufferSamplerTests
{
    [Fact]
    public void Rounds_run_on_whole_intervals_and_period_volume_is_the_cumulative_difference()
    {
        var clock = ClockAt(TenAm.AddSeconds(20));
        var store = new SnapshotStore();
        var buffer = new TickerStateBuffer();
        using var sampler = new BufferSampler(buffer, store, clock);
        store.Set(Snapshot("AAA", 5.00, 10_000));
        sampler.Start();

        clock.Advance(TimeSpan.FromSeconds(40));                       // 10:01:00: reference only
        Assert.Empty(buffer.GetSamples("AAA"));
        for (int i = 1; i <= 30; i++)
        {
            store.Set(Snapshot("AAA", 5.00 + (i * 0.001), 10_000 + (i * 50)));   // many updates inside the minute
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        TickerSample sample = Assert.Single(buffer.GetSamples("AAA"));
        Assert.Equal(TenAm.AddMinutes(2), sample.Time);
        Assert.Equal(1500, sample.PeriodVolume);
        Assert.Equal(60, sample.PeriodSeconds);
        Assert.Equal(5.03, sample.Price, 9);
        Assert.Equal(0.02 / 5.03 * 100, sample.SpreadPct, 9);
    }

    [Fact]
    public void A_new_day_restarts_the_volume_count()
    {
        var clock = ClockAt(TenAm.AddDays(-1).AddHours(6));          // 16:00 the day before
        var store = new SnapshotStore();
        var buffer = new TickerStateBuffer(new TickerBufferOptions { SampleInterval = TimeSpan.FromHours(9) });
        using var sampler = new BufferSampler(buffer, store, clock);
        store.Set(Snapshot("AAA", 5.00, 900_000));
        sampler.SampleOnce();
        clock.Advance(TimeSpan.FromHours(18));                         // 10:00 next day
        store.Set(Snapshot("AAA", 5.10, 40_000));

        sampler.SampleOnce();

        Assert.Equal(40_000, Assert.Single(buffer.GetSamples("AAA")).PeriodVolume);
    }

    [Fact]
    public void A_broken_snapshot_is_skipped_and_counted_while_the_others_are_sampled()
    {
        var clock = ClockAt(TenAm);
        var store = new SnapshotStore();
        var buffer = new TickerStateBuffer();
        using var sampler = new BufferSampler(buffer, store, clock);
        store.Set(Snapshot("GOOD", 5.00, 1000));
        store.Set(Snapshot("BAD", 5.00, 1000));
        sampler.SampleOnce();
        clock.Advance(TimeSpan.FromMinutes(1));
        store.Set(Snapshot("GOOD", 5.01, 2000));
        store.Set(Snapshot("BAD", 5.00, 1000) with { Last = double.NaN, Bid = double.NaN, Ask = double.NaN });
        store.Set(Snapshot("NOVOL", 5.00, double.NaN));

        sampler.SampleOnce();

        Assert.Single(buffer.GetSamples("GOOD"));
        Assert.Empty(buffer.GetSamples("BAD"));
        Assert.Equal(2, sampler.Rejected);

        // BAD's next good snapshot covers both minutes, so no volume is lost.
        clock.Advance(TimeSpan.FromMinutes(1));
        store.Set(Snapshot("BAD", 5.02, 3000));
        sampler.SampleOnce();
        TickerSample recovered = Assert.Single(buffer.GetSamples("BAD"));
        Assert.Equal(2000, recovered.PeriodVolume);
        Assert.Equal(120, recovered.PeriodSeconds);
    }

    [Fact]
    public void A_store_that_throws_costs_one_round_not_the_clock()
    {
        var clock = ClockAt(TenAm);
        int calls = 0;
        var source = new DelegateSnapshotSource(() =>
        {
            calls++;
            return calls == 2 ? throw new InvalidOperationException("store broken") : [Snapshot("AAA", 5.00, calls * 1000.0)];
        });
        var buffer = new TickerStateBuffer();
        using var sampler = new BufferSampler(buffer, source, clock);
        sampler.Start();

        for (int i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, calls);
        Assert.Equal(1, sampler.Rejected);
        Assert.Equal(2000, Assert.Single(buffer.GetSamples("AAA")).PeriodVolume);
    }

    [Fact]
    public void A_one_sided_quote_has_no_spread_and_the_mid_stands_in_for_a_missing_last()
    {
        var clock = ClockAt(TenAm);
        var store = new SnapshotStore();
        var buffer = new TickerStateBuffer();
        using var sampler = new BufferSampler(buffer, store, clock);
        store.Set(Snapshot("AAA", 5.00, 1000));
        store.Set(Snapshot("BBB", 5.00, 1000));
        sampler.SampleOnce();
        clock.Advance(TimeSpan.FromMinutes(1));
        store.Set(Snapshot("AAA", 5.00, 1100, bid: 0, ask: 5.05));
        store.Set(Snapshot("BBB", double.NaN, 1100, bid: 4.98, ask: 5.02));

        sampler.SampleOnce();

        Assert.True(double.IsNaN(buffer.GetSamples("AAA")[0].SpreadPct));
        Assert.Equal(5.00, buffer.GetSamples("BBB")[0].Price, 9);
    }

}
