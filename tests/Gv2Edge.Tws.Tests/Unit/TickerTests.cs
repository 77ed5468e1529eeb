using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Unit;

public class TickerTests
{
    private static Ticker NewTicker() => new(new ClockAnchor(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void The_quote_carries_the_level1_fields_and_the_snapshot_adds_the_option_fields()
    {
        Ticker t = NewTicker();
        t.ApplyPrice(new TickPrice(1, 1, 10.5, 300, 0), 1, sharesFromLots: false);
        t.ApplyPrice(new TickPrice(1, 2, 10.6, 200, 0), 2, sharesFromLots: false);
        t.ApplySize(new TickSize(1, 8, 12_000), 3, sharesFromLots: false);
        t.ApplyString(TickString.FromRtVolume(1, 48, 10.55, 100, 1767625200123, 12_100, 10.52, true), 4);
        t.ApplyGeneric(new TickGeneric(1, 24, 0.45), 5);
        t.ApplyOption(new TickOptionComputation(1, 13, 0, 0.3, 0.5, 1.2, 0, 0.05, 0.1, -0.02, 10.5), 6);

        TickerQuote q = t.ReadQuote();
        Assert.Equal((10.5, 10.6, 10.55, 10.52), (q.Bid, q.Ask, q.Last, q.Vwap));
        Assert.Equal((300m, 200m, 100m, 12_100m), (q.BidSize, q.AskSize, q.LastSize, q.Volume));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767625200123), q.LastTradeTime);
        Assert.Equal(6, q.UpdateCount);
        Assert.Equal(6, t.UpdateCount);
        Assert.True(double.IsNaN(q.High));

        TickerSnapshot s = t.Snapshot();
        Assert.Equal((q.Bid, q.Ask, q.Last, q.Volume, q.Vwap, q.LastTradeTime), (s.Bid, s.Ask, s.Last, s.Volume, s.Vwap, s.LastTradeTime));
        Assert.Equal(0.45, s.ImpliedVolatility);
        Assert.Equal(0.5, s.ModelGreeks.Delta);
        Assert.Equal(6, s.UpdateCount);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void Halted_values_1_and_2_mean_halted(double value, bool halted)
    {
        Ticker t = NewTicker();
        Assert.False(t.IsHalted);
        t.ApplyGeneric(new TickGeneric(1, 49, value), 1);
        Assert.Equal(halted, t.IsHalted);
        Assert.Equal(halted, t.ReadQuote().IsHalted);
    }

    [Fact]
    public void Applying_ticks_allocates_nothing()
    {
        Ticker t = NewTicker();
        var price = new TickPrice(1, 1, 10.5, 300, 0);
        var size = new TickSize(1, 8, 12_000);
        TickString rt = TickString.FromRtVolume(1, 48, 10.55, 100, 1767625200123, 12_100, 10.52, true);
        var generic = new TickGeneric(1, 49, 0);
        for (int i = 0; i < 100; i++)
        {
            Apply(t, price, size, rt, generic, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            Apply(t, price, size, rt, generic, i + 1);
            _ = t.ReadQuote();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Apply(Ticker t, in TickPrice price, in TickSize size, in TickString rt, in TickGeneric generic, long now)
    {
        t.ApplyPrice(price, now, sharesFromLots: false);
        t.ApplySize(size, now, sharesFromLots: false);
        t.ApplyString(rt, now);
        t.ApplyGeneric(generic, now);
    }
}
