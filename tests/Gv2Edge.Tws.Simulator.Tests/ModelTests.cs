using Gv2Edge.Market;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;
using Gv2Edge.Tws.Simulator.Scenarios;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class ModelTests
{
    private static readonly Contract Soun = new() { Symbol = "SOUN", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public void Default_universe_has_several_hundred_stocks_including_the_guides_examples()
    {
        Universe u = Universe.Default;
        Assert.True(u.Stocks.Count >= 300, $"{u.Stocks.Count} stocks");
        Assert.All((string[])["AAPL", "NVDA", "AMD", "TSLA", "SPY"], s => Assert.NotNull(u.Find(s)));
        Assert.Contains(u.Stocks, s => s.MarketCap < 2_000_000_000);
        Assert.Equal(265598, u.Find("AAPL")!.ConId);
    }

    [Fact]
    public void Market_clock_runs_at_its_speed_from_the_start_time_in_New_York()
    {
        var time = Sim.Clock();
        var clock = new MarketClock(new DateTime(2026, 11, 24, 9, 25, 0), speed: 60, inner: time);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new DateTime(2026, 11, 24, 9, 35, 0), clock.NowEt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("2026-11-24 03:59", MarketSession.Closed)]
    [InlineData("2026-11-24 04:00", MarketSession.Pre)]
    [InlineData("2026-11-24 09:29", MarketSession.Pre)]
    [InlineData("2026-11-24 09:30", MarketSession.Rth)]
    [InlineData("2026-11-24 15:59", MarketSession.Rth)]
    [InlineData("2026-11-24 16:00", MarketSession.Post)]
    [InlineData("2026-11-24 20:00", MarketSession.Closed)]
    [InlineData("2026-11-26 10:00", MarketSession.Closed)]
    [InlineData("2026-11-27 13:00", MarketSession.Post)]
    [InlineData("2026-11-27 17:00", MarketSession.Closed)]
    public void Sessions_follow_the_US_calendar_with_holidays_and_half_days(string et, MarketSession expected)
    {
        var cal = new CalendarAdapter(new UsEquityCalendar());
        Assert.Equal(expected, cal.SessionAt(DateTime.Parse(et, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Ticks_follow_the_session_clock_across_pre_market_open_close_after_hours_and_a_holiday()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, start: new DateTime(2026, 11, 25, 9, 0, 0), configure: o => o with { Speed = 3600 });
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(1, Soun).Encode(w, v));
        await c.WaitForAsync<TickPrice>("pre-market ticks", t => t.TickType == 14);
        double prevCloseAtPre = c.All<TickPrice>(t => t.TickType == 9)[^1].Price;
        double openBefore = c.All<TickPrice>(t => t.TickType == 14)[^1].Price;

        // 09:00 → 10:00: the open passes; tick 14 becomes today's open.
        time.Advance(TimeSpan.FromSeconds(1));
        await c.WaitForAsync<TickPrice>("today's open", t => t.TickType == 14 && t.Price != openBefore);

        // → 21:00 (after-hours over): bid/ask go dark (-1).
        time.Advance(TimeSpan.FromSeconds(11));
        await c.WaitForAsync<TickPrice>("closed market bid", t => t.TickType == 1 && t.Price == -1);
        long volumeAtClose = (long)c.All<TickSize>(t => t.TickType == 8)[^1].Size!.Value;

        // → Thanksgiving (26th) 10:00: still closed, nothing new.
        time.Advance(TimeSpan.FromSeconds(13));
        await Task.Delay(50);
        Assert.Equal(volumeAtClose, (long)c.All<TickSize>(t => t.TickType == 8)[^1].Size!.Value);

        // → Friday 27th pre-market: new day, tick 9 is Wednesday's close, volume restarts.
        time.Advance(TimeSpan.FromSeconds(20));
        await c.WaitForAsync<TickPrice>("the new previous close", t => t.TickType == 9 && t.Price != prevCloseAtPre);
        await c.WaitForAsync<TickSize>("volume restarts", t => t.TickType == 8 && t.Size < volumeAtClose);
    }

    [Fact]
    public async Task Same_seed_and_scenario_give_the_same_stream()
    {
        Assert.Equal(await RecordAsync(7), await RecordAsync(7));
        Assert.NotEqual(await RecordAsync(7), await RecordAsync(8));
    }

    private static async Task<string[]> RecordAsync(ulong seed)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, scenario: "demo", start: new DateTime(2026, 11, 24, 9, 25, 0), configure: o => o with { Seed = seed });
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(1, Soun, "233").Encode(w, v));
        await c.WaitForAsync<TickPrice>("ticks", t => t.TickType == 14);
        for (int i = 0; i < 200; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("the end marker");
        return [.. c.Frames.Select(Sim.Show)];
    }

    [Fact]
    public async Task Demo_gap_moves_SOUN_about_nine_percent_above_its_previous_close()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, scenario: "demo", start: new DateTime(2026, 11, 24, 9, 25, 0));
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        for (int i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await c.SendAsync((w, v) => new ReqMktData(1, Soun, "", Snapshot: true).Encode(w, v));
        TickPrice bid = await c.WaitForAsync<TickPrice>("bid", t => t.TickType == 1);
        double close = (await c.WaitForAsync<TickPrice>("close", t => t.TickType == 9)).Price;
        double gap = (bid.Price / close) - 1;
        Assert.InRange(gap, 0.06, 0.12);
    }

    [Fact]
    public void Scenario_file_round_trips_every_event_kind()
    {
        const string json = """
            { "name": "t", "description": "d", "start": "2026-11-24 09:30",
              "events": [ { "at": "09:35", "symbol": "amd", "kind": "volumeBurst", "multiplier": 10, "durationSeconds": 60 },
                          { "at": "2026-11-24 09:40:30", "symbol": "AAPL", "kind": "callVolumeBurst", "strike": 232.5, "contracts": 100 } ] }
            """;
        Scenario s = ScenarioFile.Parse(json, "t.json");
        Assert.Equal(new DateTime(2026, 11, 24, 9, 35, 0), s.Events[0].At);
        Assert.Equal(("AMD", ScenarioEventKind.VolumeBurst, 10d, TimeSpan.FromSeconds(60)), (s.Events[0].Symbol, s.Events[0].Kind, s.Events[0].Multiplier, s.Events[0].EffectiveDuration));
        Assert.Equal((232.5, 100L), (s.Events[1].Strike!.Value, s.Events[1].Contracts));
        Assert.Throws<ArgumentException>(() => ScenarioFile.Parse("""{ "start": "2026-11-24 09:30", "events": [ { "at": "09:35", "symbol": "X", "kind": "boom" } ] }""", "bad.json"));
    }
}
