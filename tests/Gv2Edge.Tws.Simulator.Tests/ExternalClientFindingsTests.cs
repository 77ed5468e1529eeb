using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>Behaviours found wrong by running IBKR's C# client and ib_async against the simulator (docs/SIMULATOR.md).</summary>
public sealed class ExternalClientFindingsTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static readonly DateTime PreOpen = new(2026, 11, 24, 9, 25, 0);

    /// <summary>Asks for TRADES bars at 09:25 (before the open) and returns their dates.</summary>
    private static async Task<string[]> BarDatesBeforeTheOpenAsync(string barSize, string duration, bool useRth)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, start: PreOpen);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqHistoricalData(1, Aapl, "", barSize, duration, useRth, "TRADES", 1).Encode(w, v));
        HistoricalData h = await c.WaitForAsync<HistoricalData>("bars");
        return [.. h.Bars.Select(b => b.Date)];
    }

    [Fact]
    public async Task One_day_of_regular_hours_minute_bars_asked_before_the_open_is_the_previous_session()
    {
        string[] dates = await BarDatesBeforeTheOpenAsync("1 min", "1 D", true);

        Assert.Equal(390, dates.Length);
        Assert.Equal(("20261123 09:30:00 US/Eastern", "20261123 15:59:00 US/Eastern"), (dates[0], dates[^1]));
    }

    [Fact]
    public async Task Five_days_of_daily_bars_before_the_open_are_the_five_previous_sessions()
        => Assert.Equal(["20261117", "20261118", "20261119", "20261120", "20261123"], await BarDatesBeforeTheOpenAsync("1 day", "5 D", true));

    [Fact]
    public async Task Extended_hours_bars_before_the_open_still_include_todays_pre_market()
    {
        string[] dates = await BarDatesBeforeTheOpenAsync("1 hour", "1 D", false);

        Assert.Equal(("20261124 04:00:00 US/Eastern", "20261124 09:00:00 US/Eastern"), (dates[0], dates[^1]));
    }

    [Fact]
    public async Task Every_price_tick_before_the_open_is_a_whole_number_of_cents()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, start: PreOpen);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        foreach ((string symbol, int id) in new[] { ("AAPL", 1), ("NVDA", 2), ("TSLA", 3), ("SOUN", 4) })
        {
            await c.SendAsync((w, v) => new ReqMktData(id, Aapl with { Symbol = symbol }, "", false).Encode(w, v));
            await c.WaitForAsync<TickPrice>($"{symbol}'s open tick", t => t.ReqId == id && t.TickType == 14);
        }

        Assert.All(c.All<TickPrice>(), t => Assert.Equal(Math.Round(t.Price, 2), t.Price));
    }
}
