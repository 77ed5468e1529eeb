using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;
using Xunit;

namespace Gv2Edge.Radar.Tests.Detectors;

/// <summary>SPREAD_TIGHTENING under the cadences and quote artefacts a live feed produces.</summary>
public class SpreadCadenceTests
{
    /// <summary>One full quote every <paramref name="everySeconds"/> seconds for <paramref name="seconds"/> seconds.</summary>
    private static DateTimeOffset Sparse(DetectorHarness h, ScriptedMarket m, DateTimeOffset start, int seconds, double everySeconds)
    {
        for (double s = 0; s < seconds; s += everySeconds)
        {
            DateTimeOffset t = start.AddSeconds(s);
            h.Tick(t, m.Quote(t));
        }

        return start.AddSeconds(seconds);
    }

    [Fact]
    public void Spread_tightening_fires_once_when_quotes_come_only_every_7_5_seconds()
    {
        // What a symbol looks like in `edge demo` (IB's 250 ms cadence seen through a 30x market clock), or a quiet name.
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Bid = 13.67, Ask = 13.75 };
        DateTimeOffset t = Sparse(h, m, ScriptedMarket.RthMorning, 120, 7.5);
        (m.Bid, m.Ask, m.BidSize, m.AskSize) = (13.70, 13.72, 2_000, 2_000);
        Sparse(h, m, t, 180, 7.5);

        Assert.True(h.Count(EventKind.SpreadTightening) == 1, string.Join("; ", h.Fired.Select(f => $"{f.Time:HH:mm:ss} {f.Signal}")));
        DetectorSignal s = h.Fired.Single(f => f.Signal.Kind == EventKind.SpreadTightening).Signal;
        Assert.InRange(s.Value, 70, 76); // confirmed on the second narrow quote, whose average already holds the first
    }

    [Fact]
    public void A_half_updated_quote_is_not_a_tightening()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 90, h.Tick);
        for (int i = 0; i < 20; i++)
        {
            // The bid moves up a cent and is read before the ask follows (IB sends them in separate messages).
            m.Bid += 0.01;
            h.Tick(t, m.Quote(t));
            m.Ask += 0.01;
            h.Tick(t.AddMilliseconds(1), m.Quote(t.AddMilliseconds(1)));
            t = m.Run(t.AddMilliseconds(2), 5, h.Tick);
        }

        Assert.Equal(0, h.Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void Half_updated_wide_quotes_do_not_inflate_the_average_of_a_one_cent_stock()
    {
        // A mega cap always one cent wide, moving two cents at a time: the side away from the move is read first, so every
        // move shows three cents for an instant. Averaged per update, the spread that stood looked far narrower than
        // "normal" whenever the stock paused for a couple of seconds (the MSFT bystander of the spread-tightening scenario).
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Bid = 415.00, Ask = 415.01, Last = 415.00, BidSize = 300, AskSize = 300 };
        DateTimeOffset t = ScriptedMarket.RthMorning;
        for (int second = 0; second < 240; second++)
        {
            bool pause = second % 22 >= 20;
            for (int q = 0; q < 4; q++, t = t.AddMilliseconds(250))
            {
                if (!pause)
                {
                    double step = (second / 5) % 2 == 0 ? 0.02 : -0.02;
                    if (step > 0)
                    {
                        m.Ask = Math.Round(m.Ask + step, 2);
                    }
                    else
                    {
                        m.Bid = Math.Round(m.Bid + step, 2);
                    }

                    h.Tick(t, m.Quote(t));
                    (m.Bid, m.Ask) = step > 0 ? (Math.Round(m.Bid + step, 2), m.Ask) : (m.Bid, Math.Round(m.Ask + step, 2));
                }

                h.Tick(t, m.Quote(t));
            }
        }

        Assert.Equal(0, h.Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void A_locked_quote_is_not_a_tightening()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 90, h.Tick);
        (m.Bid, m.Ask) = (10.00, 10.00);
        m.Run(t, 30, h.Tick);

        Assert.Equal(0, h.Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void The_opens_narrower_spread_is_not_a_tightening_but_a_later_one_is()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Bid = 9.97, Ask = 10.03 }; // pre-market: three times the regular spread
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning.AddMinutes(-32), 120, h.Tick); // 09:28 to 09:30
        (m.Bid, m.Ask) = (9.99, 10.01);
        t = m.Run(t, 120, h.Tick);
        Assert.Equal(0, h.Count(EventKind.SpreadTightening));

        (m.Bid, m.Ask) = (9.995, 10.005);
        m.Run(t, 30, h.Tick);
        Assert.Equal(1, h.Count(EventKind.SpreadTightening));
    }

    [Fact]
    public void A_quote_read_just_after_the_open_with_the_pre_market_spread_does_not_skew_the_average()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket { Bid = 9.97, Ask = 10.03 };
        DateTimeOffset open = ScriptedMarket.RthMorning.AddMinutes(-30);
        DateTimeOffset t = Sparse(h, m, open.AddMinutes(-2), 120, 7.5);
        h.Tick(t.AddMilliseconds(100), m.Quote(t.AddMilliseconds(100))); // taken at 09:29:59.9, read at 09:30:00.1
        (m.Bid, m.Ask) = (9.99, 10.01);
        Sparse(h, m, t.AddSeconds(7.5), 120, 7.5);

        Assert.Equal(0, h.Count(EventKind.SpreadTightening));
    }
}
