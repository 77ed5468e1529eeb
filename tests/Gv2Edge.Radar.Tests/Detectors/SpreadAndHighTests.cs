using Gv2Edge.Market;
using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;
using Xunit;

namespace Gv2Edge.Radar.Tests.Detectors;

public class SpreadAndHighTests
{
    private static DetectorHarness Tighten(double bid, double ask, double bidSize = 500)
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 60, h.Tick);
        (m.Bid, m.Ask, m.BidSize) = (bid, ask, bidSize);
        m.Run(t, 120, h.Tick);
        return h;
    }

    [Fact]
    public void Spread_tightening_fires_once_when_the_spread_halves_against_its_60_second_average()
    {
        var h = Tighten(9.995, 10.005);

        Assert.Equal(1, h.Count(EventKind.SpreadTightening));
        DetectorSignal s = h.Fired.Single().Signal;
        Assert.InRange(s.Value, 49, 51);
        Assert.Equal(30, s.Threshold);
    }

    [Fact]
    public void Spread_narrowing_by_25_percent_is_a_near_miss()
    {
        Assert.Equal(0, Tighten(9.9925, 10.0075).Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void Spread_tightening_with_a_one_lot_bid_does_not_fire()
    {
        Assert.Equal(0, Tighten(9.995, 10.005, bidSize: 50).Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void New_high_fires_once_per_meaningful_new_high_not_on_every_tick_at_the_high()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket { DayHigh = 10.00 };
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 30, h.Tick);
        Assert.Equal(0, h.Count(EventKind.NewHigh));

        (m.Last, m.DayHigh) = (10.03, 10.03); // +0.3%: a new high, but below the 0.5% minimum step
        t = m.Run(t, 30, h.Tick);
        Assert.Equal(0, h.Count(EventKind.NewHigh));

        (m.Last, m.DayHigh) = (10.06, 10.06); // +0.6% over the established 10.00
        t = m.Run(t, 90, h.Tick);
        Assert.Equal(1, h.Count(EventKind.NewHigh));
        Assert.Equal(10.06, h.Fired.Single(f => f.Signal.Kind == EventKind.NewHigh).Signal.Value);
        Assert.Equal(10.00, h.Fired.Single(f => f.Signal.Kind == EventKind.NewHigh).Signal.Threshold);

        (m.Last, m.DayHigh) = (10.10, 10.10); // +0.4% over the reported 10.06
        t = m.Run(t, 90, h.Tick);
        Assert.Equal(1, h.Count(EventKind.NewHigh));

        (m.Last, m.DayHigh) = (10.12, 10.12);
        m.Run(t, 10, h.Tick);
        Assert.Equal(2, h.Count(EventKind.NewHigh));
    }

    [Fact]
    public void New_highs_of_a_steady_climb_are_held_back_by_the_new_high_cooldown()
    {
        var h = new DetectorHarness(DetectorOptions.Default with { NewHighCooldown = TimeSpan.FromMinutes(5) });
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 10, h.Tick);
        t = m.Run(t, 240, h.Tick, s => (m.Last, m.DayHigh) = (10 + (s * 0.005), 10 + (s * 0.005))); // +1.2%/min

        Assert.Equal(1, h.Count(EventKind.NewHigh));
        m.Run(t, 120, h.Tick, s => (m.Last, m.DayHigh) = (11.2 + (s * 0.005), 11.2 + (s * 0.005)));
        Assert.Equal(2, h.Count(EventKind.NewHigh));
    }

    [Fact]
    public void The_first_regular_hours_update_sets_the_reference_even_when_ibs_day_high_is_above_what_we_saw()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Last = 5.00, Bid = 4.99, Ask = 5.01 };
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning.AddMinutes(-31), 60, h.Tick); // 09:29 pre-market
        m.DayHigh = 5.20; // IB's high tick counts from the open: a pre-market print we never sampled
        t = m.Run(t, 60, h.Tick);
        Assert.Equal(0, h.Count(EventKind.NewHigh));

        m.Last = 5.30;
        m.Run(t, 10, h.Tick);
        var high = Assert.Single(h.Fired, f => f.Signal.Kind == EventKind.NewHigh);
        Assert.Equal((5.30, 5.20, MarketSession.Rth), (high.Signal.Value, high.Signal.Threshold, high.Session));
    }

    [Fact]
    public void A_new_pre_market_high_is_a_new_high_in_session_pre_and_ignores_yesterdays_day_high()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Last = 5.00, Bid = 4.99, Ask = 5.01, DayHigh = 12.00 };
        DateTimeOffset t = m.Run(ScriptedMarket.PreMarket, 30, h.Tick);
        m.Last = 5.10;
        m.Run(t, 30, h.Tick);

        var high = Assert.Single(h.Fired, f => f.Signal.Kind == EventKind.NewHigh);
        Assert.Equal(MarketSession.Pre, high.Session);
        Assert.Equal(5.10, high.Signal.Value);
        Assert.Equal(5.10, h.Store.Snapshot(h.Id)!.Value.PreMarketHigh);
    }

    [Fact]
    public void Halted_and_resumed_fire_once_each_and_say_which_halt()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 10, h.Tick);
        m.Halted = 2;
        t = m.Run(t, 300, h.Tick);
        m.Halted = 0;
        m.Run(t, 10, h.Tick);

        Assert.Equal(2.0, Assert.Single(h.Fired, f => f.Signal.Kind == EventKind.Halted).Signal.Value);
        Assert.Equal(2.0, Assert.Single(h.Fired, f => f.Signal.Kind == EventKind.Resumed).Signal.Value);
    }

    [Fact]
    public void The_same_event_type_is_held_back_for_60_seconds_per_symbol()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 5, h.Tick);
        foreach (int halt in new[] { 1, 0, 1, 0 })
        {
            m.Halted = halt;
            t = m.Run(t, 5, h.Tick); // four transitions within 20 s
        }

        Assert.Equal(1, h.Count(EventKind.Halted));
        Assert.Equal(1, h.Count(EventKind.Resumed));
        Assert.Equal(2, h.Set.Gate.Suppressed);

        t = m.Run(t, 60, h.Tick);
        m.Halted = 1;
        m.Run(t, 5, h.Tick);
        Assert.Equal(2, h.Count(EventKind.Halted));
    }
}
