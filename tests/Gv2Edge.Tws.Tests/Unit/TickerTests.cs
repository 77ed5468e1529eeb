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
    [InlineData(false, 2_500_000)]
    [InlineData(true, 250_000_000)]
    public void Average_volume_tick_21_is_kept_in_shares_on_the_quote_and_the_snapshot(bool sharesFromLots, int expected)
    {
        Ticker t = NewTicker();
        t.ApplySize(new TickSize(1, 21, 2_500_000), 1, sharesFromLots);

        Assert.Equal(expected, t.ReadQuote().AverageVolume);
        Assert.Equal(expected, t.Snapshot().AverageVolume);
        Assert.Null(t.ReadQuote().Volume);
    }

    [Fact]
    public void The_week_ranges_of_generic_tick_165_reach_the_snapshot_and_stay_NaN_until_sent()
    {
        Ticker t = NewTicker();
        TickerSnapshot empty = t.Snapshot();
        Assert.True(double.IsNaN(empty.Low13Week) && double.IsNaN(empty.High52Week));

        for (int type = 15; type <= 20; type++)
        {
            t.ApplyPrice(new TickPrice(1, type, 100 + type, 0, 0), type, sharesFromLots: false);
        }

        TickerSnapshot s = t.Snapshot();
        Assert.Equal((115.0, 116.0, 117.0, 118.0, 119.0, 120.0), (s.Low13Week, s.High13Week, s.Low26Week, s.High26Week, s.Low52Week, s.High52Week));
        Assert.True(double.IsNaN(s.High) && double.IsNaN(s.Low) && double.IsNaN(s.Last));
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
        var average = new TickSize(1, 21, 2_500_000);
        var high52 = new TickPrice(1, 20, 250.5, 0, 0);
        for (int i = 0; i < 100; i++)
        {
            Apply(t, price, size, rt, generic, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            Apply(t, price, size, rt, generic, i + 1);
            t.ApplySize(average, i + 1, sharesFromLots: true);
            t.ApplyPrice(high52, i + 1, sharesFromLots: false);
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
