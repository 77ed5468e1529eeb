using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Xunit;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

public class AccelerationScenarioTests
{
    private static IntradayBaseline Baseline(double meanVolume, double dev, double step = 0.02) =>
        IntradayBaseline.FromMinuteBars(MinuteBars(meanVolume, dev, 5.00, step));

    private static MarketScript AccumulationThenBreakout()
    {
        var script = new MarketScript("ACME", Baseline(1000, 400));
        for (int m = 1; m <= 8; m++)
        {
            script.Minute(5.00, 1000);
        }

        foreach (double v in new double[] { 1300, 1700, 2200, 2800, 3500, 4300 })
        {
            script.Minute(5.00, v);                                    // 10:09-10:14: volume builds, price holds
        }

        script.Minute(5.02, 5200);                                     // 10:15: the price starts to move
        script.Minute(5.10, 6500);                                     // 10:16: breakout
        script.Minute(5.25, 8000);                                     // 10:17
        script.Minute(5.32, 6000);                                     // 10:18: still up, slowing, on less volume
        return script;
    }

    [Fact]
    public void Quiet_accumulation_then_a_breakout_goes_through_the_states_in_order()
    {
        MarketScript script = AccumulationThenBreakout();

        Assert.Equal(
            [AccelerationState.Dormant, AccelerationState.Accumulating, AccelerationState.Launching, AccelerationState.Breakout, AccelerationState.Exhausted],
            script.StateOrder());
        Assert.Equal(AccelerationState.Accumulating, script.States.Single(s => s.Time == TenAm.AddMinutes(10)).State);
        Assert.Equal(AccelerationState.Launching, script.States.Single(s => s.Time == TenAm.AddMinutes(15)).State);
        Assert.Equal(AccelerationState.Breakout, script.States.Single(s => s.Time == TenAm.AddMinutes(16)).State);
        Assert.Equal(AccelerationState.Exhausted, script.States.Single(s => s.Time == TenAm.AddMinutes(18)).State);
    }

    [Fact]
    public void Each_alert_fires_once_per_cooldown_of_its_state_and_only_on_a_new_sample()
    {
        MarketScript script = AccumulationThenBreakout();

        var alerts = script.Alerts.Select(a => ((string)a.Extra!["alertType"]!, a.Time - TenAm)).ToList();
        var expected = new List<(string, TimeSpan)>();
        for (int m = 10; m <= 14; m++)
        {
            expected.Add(("ACCUMULATING", TimeSpan.FromMinutes(m)));   // 60 s cooldown, evaluated every 5 s
        }

        // 30 s and 15 s cooldowns, but one alert per minute sample: re-scoring a sample repeats nothing.
        expected.Add(("PRE_LAUNCH", TimeSpan.FromMinutes(15)));
        expected.Add(("BREAKOUT", TimeSpan.FromMinutes(16)));
        expected.Add(("BREAKOUT", TimeSpan.FromMinutes(17)));

        Assert.Equal(expected, alerts);
    }

    [Fact]
    public void Alerts_are_acceleration_events_with_state_and_blip_priority()
    {
        MarketScript script = AccumulationThenBreakout();

        RadarEvent breakout = script.Alerts.First(a => (string?)a.Extra!["alertType"] == "BREAKOUT");

        Assert.Equal(EventTypes.Acceleration, breakout.Type);
        Assert.Equal("ACME", breakout.Symbol);
        Assert.Equal("BREAKOUT", breakout.Extra!["state"]);
        Assert.Equal("CRITICAL", breakout.Extra["blipPriority"]);
        Assert.Equal("RTH", breakout.Session);
        Assert.Equal("live", breakout.DataQuality);
        Assert.Equal(2.0, breakout.Threshold);
        Assert.True(breakout.Value > 2.0);
        Assert.Contains("BREAKOUT", breakout.Reason, StringComparison.Ordinal);
        Assert.Equal(script.Alerts.Count, script.Alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void The_original_seven_cent_creep_in_eight_quick_ticks_stays_dormant()
    {
        // The original's defect: eight updates 200 ms apart, a 7-cent creep, 1.2 M cumulative shares against a
        // 500 k-a-day stock gave LAUNCHING. Sampled once a minute and judged against its own minute bars it is noise.
        var script = new MarketScript("CREEP", Baseline(1250, 250, step: 0.01), startCumulative: 1_180_000);
        for (int m = 1; m <= 10; m++)
        {
            script.Minute(5.00, 1250);
        }

        script.Ticks(Enumerable.Range(1, 8).Select(i => (5.00 + (0.01 * Math.Min(i, 7)), 150.0)));
        for (int m = 12; m <= 20; m++)
        {
            script.Minute(5.07, 1250);
        }

        Assert.All(script.States, s => Assert.Equal(AccelerationState.Dormant, s.State));
        Assert.Empty(script.Alerts);
        Assert.Equal(20, script.Buffer.GetSamples("CREEP").Count);    // one sample a minute, never one per tick
    }

    [Fact]
    public void A_slow_creep_of_a_cent_a_minute_on_ordinary_volume_stays_dormant()
    {
        var script = new MarketScript("SLOW", Baseline(1000, 400));
        for (int m = 1; m <= 25; m++)
        {
            script.Minute(5.00 + (0.01 * m), m % 2 == 0 ? 1100 : 900);
        }

        Assert.All(script.States, s => Assert.Equal(AccelerationState.Dormant, s.State));
        Assert.Empty(script.Alerts);
    }

    [Fact]
    public void A_run_that_slows_on_falling_volume_is_exhausted_and_raises_no_alert_there()
    {
        var script = new MarketScript("FADE", Baseline(1000, 400));
        for (int m = 1; m <= 8; m++)
        {
            script.Minute(5.00, 1000);
        }

        script.Minute(5.15, 6000);                                     // 10:09 +3 %/min
        script.Minute(5.40, 9000);                                     // 10:10 +4.9 %/min
        script.Minute(5.50, 5000);                                     // 10:11 +1.9 %/min, volume falling
        script.Minute(5.53, 3000);                                     // 10:12 +0.55 %/min, still falling

        Assert.Equal(AccelerationState.Breakout, script.States.Single(s => s.Time == TenAm.AddMinutes(10)).State);
        Assert.Equal(AccelerationState.Exhausted, script.States.Single(s => s.Time == TenAm.AddMinutes(11)).State);
        Assert.Equal(AccelerationState.Exhausted, script.States.Single(s => s.Time == TenAm.AddMinutes(12)).State);
        Assert.DoesNotContain(script.Alerts, a => a.Time >= TenAm.AddMinutes(11));
    }

    [Fact]
    public void The_same_volume_is_a_spike_for_one_symbol_and_normal_for_another()
    {
        var buffer = new TickerStateBuffer();
        buffer.SetBaseline("TINY", Baseline(1000, 400));
        buffer.SetBaseline("MEGA", Baseline(50_000, 10_000));
        double[] volumes = [1000, 1000, 1000, 1000, 1000, 2000, 3000, 5000];
        for (int i = 0; i < volumes.Length; i++)
        {
            buffer.Push("TINY", Sample(TenAm.AddMinutes(i), 5.00, volumes[i]));
            buffer.Push("MEGA", Sample(TenAm.AddMinutes(i), 5.00, volumes[i]));
        }

        var engine = new AccelerationEngine(buffer, ClockAt(TenAm.AddMinutes(8)));

        AccelerationScore tiny = engine.Score("TINY");
        AccelerationScore mega = engine.Score("MEGA");
        Assert.True(tiny.Derivatives.VolumeZ > 9, $"TINY z {tiny.Derivatives.VolumeZ}");
        Assert.True(mega.Derivatives.VolumeZ < -4, $"MEGA z {mega.Derivatives.VolumeZ}");
        Assert.Equal(AccelerationState.Accumulating, tiny.State);
        Assert.Equal(AccelerationState.Dormant, mega.State);
    }
}
