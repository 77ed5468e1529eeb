using Gv2Edge.Radar.Detectors;
using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Tests.Detectors;
using Xunit;

namespace Gv2Edge.Radar.Tests.State;

/// <summary>
/// The store keeps its windows as running sums and monotonic deques; these tests hold them to a brute-force
/// recomputation over every tick of long random sequences (irregular spacing, silent seconds, locked quotes).
/// </summary>
public class RunningWindowTests
{
    private readonly record struct Sent(long Second, double Last, double Traded, double Spread);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Running_windows_match_a_full_rescan_on_every_tick(int seed)
    {
        var rng = new Random(seed);
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        DetectorOptions o = store.Options;
        var sent = new List<Sent>();
        DateTimeOffset t = ScriptedMarket.RthMorning;
        double cumulative = 50_000, last = 10;
        for (int i = 0; i < 3_000; i++)
        {
            t = t.AddMilliseconds(rng.Next(0, 10) == 0 ? rng.Next(0, 25_000) : rng.Next(0, 2_500)); // some silences
            last = Math.Round(last * (1 + ((rng.NextDouble() - 0.5) * 0.004)), 2);
            double traded = rng.Next(0, 4) * 100;
            cumulative += traded;
            double bid = Math.Round(last - (rng.Next(0, 4) * 0.01), 2); // 0: a locked quote, never sampled
            double ask = Math.Round(last + 0.01, 2) + (bid == last ? -0.01 : 0);
            var tick = QuoteTick.Empty(t) with { Last = last, Bid = bid, Ask = ask, BidSize = 100, AskSize = 100, CumulativeVolume = cumulative };
            store.Apply(id, in tick, out DetectorInput input);

            double spread = ask > bid ? (ask - bid) / ((ask + bid) / 2) * 100 : double.NaN;
            long now = t.ToUnixTimeSeconds();
            sent.Add(new Sent(now, last, i == 0 ? 0 : traded, spread));

            Assert.Equal(sent.Where(s => s.Second > now - o.VolumeWindowSeconds).Sum(s => s.Traded), input.WindowVolume, 6);
            (double low, double high) = PriceRange(sent, now - o.PriceWindowSeconds + 1, now);
            Assert.Equal(low, input.WindowLow);
            Assert.Equal(high, input.WindowHigh);

            // A second's spread is its last quote's (a second ending on a one-sided or crossed quote has none).
            var perSecond = sent.Where(s => s.Second >= now - o.SpreadWindowSeconds && s.Second < now)
                .GroupBy(s => s.Second).Select(g => (Second: g.Key, Mean: g.Last().Spread)).Where(p => !double.IsNaN(p.Mean)).ToList();
            Assert.Equal(perSecond.Count, input.SpreadSeconds);
            if (perSecond.Count > 0)
            {
                Assert.Equal(perSecond.Average(p => p.Mean), input.AvgSpreadPct, 9);
                Assert.Equal(now - perSecond.Min(p => p.Second), input.SpreadSpanSeconds);
            }
            else
            {
                Assert.True(double.IsNaN(input.AvgSpreadPct));
            }
        }
    }

    /// <summary>Every price that stood at some second of [first, last]: the prints of that second, or the last one before it.</summary>
    private static (double Low, double High) PriceRange(List<Sent> sent, long first, long last)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        int i = sent.Count - 1;
        for (long x = last; x >= first && i >= 0; x--)
        {
            bool printed = false;
            while (i >= 0 && sent[i].Second == x)
            {
                (low, high, printed) = (Math.Min(low, sent[i].Last), Math.Max(high, sent[i].Last), true);
                i--;
            }

            if (!printed && i >= 0)
            {
                (low, high) = (Math.Min(low, sent[i].Last), Math.Max(high, sent[i].Last));
            }
        }

        return (low, high);
    }

    [Fact]
    public void After_a_silence_longer_than_every_window_only_the_last_price_still_stands()
    {
        var store = new SymbolStateStore();
        SymbolId id = store.Intern("ACME");
        DateTimeOffset t = ScriptedMarket.RthMorning;
        for (int s = 0; s < 20; s++)
        {
            var tick = QuoteTick.Empty(t.AddSeconds(s)) with { Last = 10 + s, Bid = 9.9, Ask = 10.1, CumulativeVolume = 1_000 * s };
            store.Apply(id, in tick, out _);
        }

        var late = QuoteTick.Empty(t.AddMinutes(10)) with { Last = 5, Bid = 4.99, Ask = 5.01, CumulativeVolume = 900_000 };
        store.Apply(id, in late, out DetectorInput input);

        Assert.Equal((5.0, 29.0), (input.WindowLow, input.WindowHigh));
        Assert.Equal(0, input.WindowVolume); // the catch-up after the gap is a new reference, not trading
        Assert.Equal(0, input.SpreadSeconds);
    }

    [Fact]
    public void A_stock_resuming_15_percent_higher_after_a_halt_as_long_as_the_price_window_is_a_surge()
    {
        var h = new DetectorHarness();
        var m = new ScriptedMarket();
        DateTimeOffset t = m.Run(ScriptedMarket.RthMorning, 120, h.Tick);
        m.Halted = 1;
        h.Tick(t, m.Quote(t)); // then nothing for 5 minutes: frozen quotes, no prints
        t = t.AddMinutes(5).AddSeconds(3);
        (m.Halted, m.Last, m.Bid, m.Ask) = (0, 11.50, 11.49, 11.51);
        m.Run(t, 30, h.Tick);

        DetectorSignal surge = Assert.Single(h.Fired, f => f.Signal.Kind == EventKind.PriceSurge).Signal;
        Assert.InRange(surge.Value, 14.9, 15.1);
    }
}
