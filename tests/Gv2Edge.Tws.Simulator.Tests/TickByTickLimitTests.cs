using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// IB's tick-by-tick allowance (tws-protocol.md §7): the market-depth formula on the account's lines, 3 below 400, one
/// per 100 lines above, shared by every connection of the user; beyond it → 10190.
/// </summary>
public sealed class TickByTickLimitTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static readonly string[] Symbols = ["AAPL", "NVDA", "AMD", "TSLA", "MSFT", "SPY", "SOUN", "JPM"];

    [Theory]
    [InlineData(100, 3)]
    [InlineData(399, 3)]
    [InlineData(400, 4)]
    [InlineData(599, 5)]
    public async Task The_allowance_follows_the_depth_formula_and_the_next_request_gets_10190(int lines, int allowed)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { Lines = lines });
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);

        for (int i = 0; i <= allowed; i++)
        {
            int reqId = i + 1;
            string symbol = Symbols[i];
            await c.SendAsync((w, v) => new ReqTickByTickData(reqId, Aapl with { Symbol = symbol }, "AllLast").Encode(w, v));
        }

        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("every request answered");
        ErrorMessage e = Assert.Single(c.All<ErrorMessage>(m => m.Id > 0));
        Assert.Equal((allowed + 1, 10190, "Max number of tick-by-tick requests has been reached."), (e.Id, e.Code, e.Message));
    }

    [Fact]
    public async Task The_allowance_is_shared_by_every_connection_and_a_cancel_frees_a_slot()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient a = await SimClient.ConnectTcpAsync(sim, clientId: 1);
        await using SimClient b = await SimClient.ConnectTcpAsync(sim, clientId: 2);
        for (int i = 1; i <= 2; i++)
        {
            int reqId = i;
            await a.SendAsync((w, v) => new ReqTickByTickData(reqId, Aapl with { Symbol = Symbols[reqId] }, "BidAsk").Encode(w, v));
        }

        await a.SettleAsync();
        await b.SendAsync((w, v) => new ReqTickByTickData(7, Aapl, "Last").Encode(w, v));
        await b.SendAsync((w, v) => new ReqTickByTickData(8, Aapl with { Symbol = "TSLA" }, "Last").Encode(w, v));

        ErrorMessage refused = await b.WaitForAsync<ErrorMessage>("the fourth over both connections", m => m.Id == 8);
        Assert.Equal(10190, refused.Code);
        Assert.False(b.Has<ErrorMessage>(m => m.Id == 7));

        await a.SendAsync((w, v) => new CancelTickByTickData(1).Encode(w, v));
        await a.SettleAsync();
        await b.SendAsync((w, v) => new ReqTickByTickData(9, Aapl with { Symbol = "TSLA" }, "Last").Encode(w, v));
        await b.SettleAsync();
        Assert.False(b.Has<ErrorMessage>(m => m.Id == 9));
    }
}
