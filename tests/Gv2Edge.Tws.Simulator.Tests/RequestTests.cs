using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class RequestTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task Contract_details_of_a_stock_then_the_end_and_200_for_unknown()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        await c.SendAsync((w, v) => new ReqContractDetails(1, Aapl).Encode(w, v));
        await c.SendAsync((w, v) => new ReqContractDetails(2, Aapl with { Symbol = "ZZZZQ" }).Encode(w, v));

        await c.WaitForAsync<ContractDataEnd>("the end", e => e.ReqId == 1);
        ContractDetails d = c.All<ContractData>()[0].Details;
        Assert.Equal((265598, "NASDAQ", "APPLE INC"), (d.Contract.ConId, d.Contract.PrimaryExchange, d.LongName));
        Assert.Equal(200, (await c.WaitForAsync<ErrorMessage>("200", m => m.Id == 2)).Code);
    }

    [Fact]
    public async Task Historical_bars_honour_rth_and_the_pre_196_layout_and_pacing_refuses_an_identical_request()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        var rth = new ReqHistoricalData(1, Aapl, "", "5 mins", "2 D", true, "TRADES", 1);

        await c.SendAsync((w, v) => rth.Encode(w, v));
        HistoricalData h = await c.WaitForAsync<HistoricalData>("bars");
        Assert.Equal("20261123 09:30:00 US/Eastern", h.Bars[0].Date);
        Assert.All(h.Bars, b => Assert.True(b.Low <= b.Open && b.Open <= b.High && b.Low <= b.Close && b.Close <= b.High));
        Assert.Equal(78 + 1, h.Bars.Count);

        var small = new ReqHistoricalData(2, Aapl, "", "1 secs", "60 S", false, "TRADES", 2);
        await c.SendAsync((w, v) => small.Encode(w, v));
        await c.WaitForAsync<HistoricalData>("1-second bars", m => m.ReqId == 2);
        await c.SendAsync((w, v) => (small with { ReqId = 3 }).Encode(w, v));

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("pacing", m => m.Id == 3);
        Assert.Equal((162, "Historical Market Data Service error message:Historical data request pacing violation"), (e.Code, e.Message));
    }

    [Fact]
    public async Task Scanner_returns_at_most_50_ranked_rows_and_refuses_an_eleventh_subscription()
    {
        var time = Sim.Clock();

        // Early pre-market: the scan steps every stock of the universe from 04:00, which is slow later in the day.
        await using GatewaySimulator sim = Sim.Create(time, start: new DateTime(2026, 11, 24, 4, 20, 0));
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        for (int id = 1; id <= 11; id++)
        {
            int reqId = id;
            var sub = new ScannerSubscription { Instrument = "STK", LocationCode = "STK.US.MAJOR", ScanCode = "MOST_ACTIVE" };
            await c.SendAsync((w, v) => new ReqScannerSubscription(reqId, sub).Encode(w, v));
        }

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("the eleventh is refused", m => m.Id == 11);
        Assert.Equal(322, e.Code);
        ScannerData first = c.All<ScannerData>()[0];
        Assert.Equal(50, first.Rows.Count);
        Assert.Equal(Enumerable.Range(0, 50), first.Rows.Select(r => r.Rank));
    }

    [Fact]
    public async Task Tick_by_tick_last_reports_trades()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqTickByTickData(1, Aapl, "Last").Encode(w, v));
        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("requests read");

        for (int i = 0; i < 60; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        TickByTick t = await c.WaitForAsync<TickByTick>("a trade");
        Assert.True(t.TickType == 1 && t.Price > 0 && t.Size > 0);
    }
}
