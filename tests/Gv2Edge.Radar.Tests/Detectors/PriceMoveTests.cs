using Gv2Edge.Radar.Detectors;
using Xunit;

namespace Gv2Edge.Radar.Tests.Detectors;

public class PriceMoveTests
{
    private static DetectorHarness RampTo(double target, int holdSeconds = 240)
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 60, h.Tick);
        t = m.Run(t, 60, h.Tick, s => m.Last = 10.00 + ((target - 10.00) * (s + 1) / 60));
        m.Run(t, holdSeconds, h.Tick);
        return h;
    }

    [Fact]
    public void Price_surge_fires_once_for_three_point_one_percent_within_five_minutes()
    {
        var h = RampTo(10.31);

        Assert.Equal(1, h.Count(EventKind.PriceSurge));
        DetectorSignal s = h.Fired.Single(f => f.Signal.Kind == EventKind.PriceSurge).Signal;
        Assert.InRange(s.Value, 3.0, 3.1);
        Assert.Equal(10.00, s.A, 6);
        Assert.Equal(0, h.Count(EventKind.PriceDrop));
    }

    [Fact]
    public void Price_surge_of_two_point_nine_percent_is_a_near_miss()
    {
        Assert.Equal(0, RampTo(10.29).Count(EventKind.PriceSurge));
    }

    [Fact]
    public void Price_drop_fires_once_for_minus_three_point_one_percent()
    {
        var h = RampTo(9.69);

        Assert.Equal(1, h.Count(EventKind.PriceDrop));
        Assert.True(h.Fired.Single(f => f.Signal.Kind == EventKind.PriceDrop).Signal.Value <= -3.0);
        Assert.Equal(0, h.Count(EventKind.PriceSurge));
    }

    [Fact]
    public void Price_drop_of_two_point_nine_percent_is_a_near_miss()
    {
        Assert.Equal(0, RampTo(9.71).Count(EventKind.PriceDrop));
    }

    [Fact]
    public void A_slow_climb_over_more_than_five_minutes_is_not_a_surge()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        m.Run(ScriptedMarket.RthMorning, 900, h.Tick, s => m.Last = 10.00 + (0.50 * s / 900)); // 5% in 15 minutes

        Assert.Equal(0, h.Count(EventKind.PriceSurge));
    }
}
