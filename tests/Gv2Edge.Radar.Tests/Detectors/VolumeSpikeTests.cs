using Gv2Edge.Radar.Detectors;
using Xunit;

namespace Gv2Edge.Radar.Tests.Detectors;

public class VolumeSpikeTests
{
    private static readonly DateOnly Day = new(2026, 11, 18);

    private static DetectorHarness Harness() => new(baselines: DetectorHarness.FlatBaseline(1000, Day));

    [Fact]
    public void Volume_spike_fires_exactly_once_when_the_rate_passes_three_times_the_baseline()
    {
        var h = Harness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);
        m.VolumePerSecond = 5000.0 / 60;
        t = m.Run(t, 90, h.Tick);
        m.VolumePerSecond = 1000.0 / 60;
        m.Run(t, 180, h.Tick);

        Assert.Equal(1, h.Count(EventKind.VolumeSpike));
        DetectorSignal s = h.Fired.Single(f => f.Signal.Kind == EventKind.VolumeSpike).Signal;
        Assert.True(s.Value > 3.0 && s.Value < 3.2, $"ratio {s.Value}");
        Assert.Equal(3.0, s.Threshold);
        Assert.True(s.A > 5, $"z-score {s.A}");
    }

    [Fact]
    public void Volume_at_two_point_eight_times_the_baseline_is_a_near_miss()
    {
        var h = Harness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);
        m.VolumePerSecond = 2800.0 / 60;
        m.Run(t, 180, h.Tick);

        Assert.Equal(0, h.Count(EventKind.VolumeSpike));
    }

    [Fact]
    public void Volume_spike_needs_a_baseline()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);
        m.VolumePerSecond = 50_000.0 / 60;
        m.Run(t, 120, h.Tick);

        Assert.Equal(0, h.Count(EventKind.VolumeSpike));
    }

    [Fact]
    public void Catch_up_after_a_reconnect_is_not_a_spike_and_a_later_spike_still_fires()
    {
        var h = Harness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);

        h.Store.MarkGap(h.Id);
        m.Cumulative += 250_000; // traded while we were disconnected for 5 minutes
        t = m.Run(t.AddMinutes(5), 120, h.Tick);
        Assert.Equal(0, h.Count(EventKind.VolumeSpike));

        m.VolumePerSecond = 5000.0 / 60;
        m.Run(t, 90, h.Tick);
        Assert.Equal(1, h.Count(EventKind.VolumeSpike));
        Assert.Equal(0, h.Count(EventKind.PriceSurge) + h.Count(EventKind.PriceDrop));
    }

    [Fact]
    public void Catch_up_after_an_unannounced_silence_is_not_a_spike()
    {
        var h = Harness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);

        m.Cumulative += 40_000; // the feed went quiet for 45 s, then reports the whole day's count
        t = m.Run(t.AddSeconds(45), 120, h.Tick);
        Assert.Equal(0, h.Count(EventKind.VolumeSpike));

        m.VolumePerSecond = 4000.0 / 60;
        m.Run(t, 90, h.Tick);
        Assert.Equal(1, h.Count(EventKind.VolumeSpike));
    }
}
