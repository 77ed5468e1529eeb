using System.Globalization;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>reqHistoricalData with keepUpToDate over loopback TCP on a fake clock: the bars, then historicalDataUpdate of the bar in progress.</summary>
public sealed class LiveBarsTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task KeepUpToDate_sends_the_bars_then_updates_of_the_current_bar_until_cancelled()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        var live = new ReqHistoricalData(1, Aapl, "", "5 secs", "60 S", false, "TRADES", 2, KeepUpToDate: true);

        await c.SendAsync((w, v) => live.Encode(w, v));
        HistoricalData first = await c.WaitForAsync<HistoricalData>("the initial bars");
        Assert.Equal(12, first.Bars.Count);

        await c.SettleAsync();

        // Ten seconds of market time, then a marker: every update sent in that window has arrived before it.
        for (int i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("the marker");
        List<HistoricalDataUpdate> updates = [.. c.All<HistoricalDataUpdate>()];
        Assert.NotEmpty(updates);
        long start = new DateTimeOffset(2026, 11, 24, 14, 35, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        foreach (HistoricalDataUpdate u in updates)
        {
            Assert.Equal(1, u.ReqId);
            long barTime = long.Parse(u.Bar.Date, CultureInfo.InvariantCulture);
            Assert.Equal(0, barTime % 5);
            Assert.InRange(barTime, start, start + 10);
            Assert.True(u.Bar.Low <= Math.Min(u.Bar.Open, u.Bar.Close) && Math.Max(u.Bar.Open, u.Bar.Close) <= u.Bar.High, u.ToString());
        }

        // Several bars of the 10 s window are seen as they form, in time order.
        var stamps = updates.Select(u => u.Bar.Date).Distinct().ToList();
        Assert.True(stamps.Count >= 2, string.Join(", ", stamps));
        Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);

        await c.SendAsync((w, v) => new CancelHistoricalData(1).Encode(w, v));
        await c.SettleAsync();
        for (int i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("the marker after the cancel");
        Assert.False(c.Has<HistoricalDataUpdate>());
    }

    [Theory]
    [InlineData("20261124 09:00:00 US/Eastern", "5 secs")]
    [InlineData("", "1 secs")]
    [InlineData("", "1 day")]
    public async Task KeepUpToDate_with_an_end_date_or_bars_under_5_seconds_or_daily_bars_is_refused_with_321(string end, string barSize)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);

        await c.SendAsync((w, v) => new ReqHistoricalData(2, Aapl, end, barSize, "1 D", false, "TRADES", 1, KeepUpToDate: true).Encode(w, v));

        Assert.Equal(321, (await c.WaitForAsync<ErrorMessage>("321", m => m.Id == 2)).Code);
        Assert.False(c.Has<HistoricalData>());
    }
}
