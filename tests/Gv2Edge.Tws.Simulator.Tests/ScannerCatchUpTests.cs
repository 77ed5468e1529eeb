using Gv2Edge.Market;
using Gv2Edge.Tws.Simulator.Market;
using Gv2Edge.Tws.Simulator.Scenarios;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>The scanner's catch-up (every stock stepped at once, in parallel) must not change any stock's path.</summary>
public sealed class ScannerCatchUpTests
{
    private static MarketModel Model(DateTime start)
    {
        var clock = new MarketClock(start, 1, Sim.Clock());
        return new MarketModel(Universe.Default, new CalendarAdapter(new UsEquityCalendar()), BuiltInScenarios.Resolve("demo"), 7, clock);
    }

    [Fact]
    public void Stepping_the_whole_universe_at_once_gives_each_stock_the_path_it_has_alone()
    {
        var start = new DateTime(2026, 11, 24, 4, 0, 0);
        var end = new DateTime(2026, 11, 24, 10, 15, 0);
        MarketModel all = Model(start);
        MarketModel one = Model(start);

        lock (all.Gate)
        {
            all.AdvanceAll(end);
        }

        foreach (StockInfo info in Universe.Default.Stocks.Where((_, i) => i % 20 == 0).Append(Universe.Default.Find("SOUN")!))
        {
            StockModel a;
            StockModel b;
            lock (all.Gate)
            {
                a = all.At(info, end);
            }

            lock (one.Gate)
            {
                b = one.At(info, end);
            }

            Assert.Equal((b.Bid, b.Ask, b.Last, b.Volume, b.High, b.Low, b.LastTradeUnixMs, b.TradeCount), (a.Bid, a.Ask, a.Last, a.Volume, a.High, a.Low, a.LastTradeUnixMs, a.TradeCount));
            Assert.Equal(b.MinuteBars, a.MinuteBars);
        }
    }

    [Theory]
    [InlineData("2026-11-24 09:45")] // EST
    [InlineData("2026-10-30 09:45")] // EDT, the last Friday before New York leaves daylight saving time
    public void The_last_trade_time_is_the_New_York_wall_time_of_the_trade_in_UTC(string at)
    {
        DateTime end = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        MarketModel model = Model(end.AddMinutes(-5));
        lock (model.Gate)
        {
            StockModel aapl = model.At(Universe.Default.Find("AAPL")!, end);
            SimBar lastBar = aapl.MinuteBars[^1];
            DateTimeOffset traded = DateTimeOffset.FromUnixTimeMilliseconds(aapl.LastTradeUnixMs);
            DateTime wall = TimeZoneInfo.ConvertTime(traded, ExchangeClock.Zone).DateTime;

            Assert.Equal(lastBar.Time, new DateTime(wall.Ticks - (wall.Ticks % TimeSpan.TicksPerMinute)));
            Assert.True(wall <= end && wall > end.AddMinutes(-1), $"last trade {wall:HH:mm:ss}");
        }
    }

    [Theory]
    [InlineData("2026-11-24 03:59:59", MarketSession.Closed, "2026-11-24 04:00")]
    [InlineData("2026-11-24 04:00", MarketSession.Pre, "2026-11-24 09:30")]
    [InlineData("2026-11-24 12:00", MarketSession.Rth, "2026-11-24 16:00")]
    [InlineData("2026-11-24 19:59:59", MarketSession.Post, "2026-11-24 20:00")]
    [InlineData("2026-11-24 20:00", MarketSession.Closed, "2026-11-25 00:00")]
    [InlineData("2026-11-26 10:00", MarketSession.Closed, "2026-11-27 00:00")]
    [InlineData("2026-11-27 12:00", MarketSession.Rth, "2026-11-27 13:00")]
    [InlineData("2026-11-27 13:00", MarketSession.Post, "2026-11-27 17:00")]
    public void A_session_is_answered_with_the_instant_it_ends(string et, MarketSession expected, string until)
    {
        var cal = new CalendarAdapter(new UsEquityCalendar());
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        MarketSession session = cal.SessionAt(DateTime.Parse(et, culture), out DateTime end);

        Assert.Equal((expected, DateTime.Parse(until, culture)), (session, end));
    }
}

/// <summary>The optional background warm-up of the whole universe.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Warm_up_steps_every_stock_to_the_market_time_and_the_scan_then_answers()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, start: new DateTime(2026, 11, 24, 10, 0, 0), configure: o => o with { WarmUp = true });
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await TestKit.Wait.UntilAsync("every stock warmed up", () => sim.Model.StockCount == Universe.Default.Stocks.Count, TimeSpan.FromSeconds(60));
        var sub = new Protocol.Messages.ScannerSubscription { Instrument = "STK", LocationCode = "STK.US.MAJOR", ScanCode = "MOST_ACTIVE", NumberOfRows = 5 };
        await c.SendAsync((w, v) => new Protocol.Messages.ReqScannerSubscription(1, sub).Encode(w, v));

        Protocol.Messages.ScannerData data = await c.WaitForAsync<Protocol.Messages.ScannerData>("the scan");
        Assert.Equal([0, 1, 2, 3, 4], data.Rows.Select(r => r.Rank));
    }

    [Fact]
    public async Task Without_warm_up_only_the_stocks_asked_for_are_stepped()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, sim.Model.StockCount);
    }
}
