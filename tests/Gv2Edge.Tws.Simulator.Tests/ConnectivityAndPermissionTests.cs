using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// Connectivity codes (1100 → 1101 / 1102) and the not-subscribed codes (354, 10089, 10168) with IB's wording, over
/// loopback TCP on a fake clock.
/// </summary>
public sealed class ConnectivityAndPermissionTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task An_outage_sends_1100_to_every_client_then_1101_and_every_line_must_be_requested_again()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient a = await SimClient.ConnectTcpAsync(sim, clientId: 1);
        await using SimClient b = await SimClient.ConnectTcpAsync(sim, clientId: 2);
        await a.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        await a.WaitForAsync<TickPrice>("AAPL ticks", t => t.ReqId == 1);

        sim.Faults.ConnectivityLost();
        foreach (SimClient c in new[] { a, b })
        {
            ErrorMessage lost = await c.WaitForAsync<ErrorMessage>("1100", m => m.Code == 1100);
            Assert.Equal((-1, "Connectivity between IB and Trader Workstation has been lost."), (lost.Id, lost.Message));
        }

        sim.Faults.ConnectivityRestored(dataLost: true);
        foreach (SimClient c in new[] { a, b })
        {
            ErrorMessage back = await c.WaitForAsync<ErrorMessage>("1101", m => m.Code == 1101);
            Assert.Equal((-1, "Connectivity between IB and Trader Workstation has been restored - data lost."), (back.Id, back.Message));
        }

        // The line is gone: the same id is accepted again (no 102) and ticks flow on it.
        await a.SettleAsync();
        await a.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        await a.WaitForAsync<TickPrice>("ticks on the new line", t => t.ReqId == 1);
        Assert.False(a.Has<ErrorMessage>(m => m.Code == 102));
    }

    [Fact]
    public async Task An_outage_ending_with_1102_keeps_the_lines_so_the_same_id_is_a_duplicate()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        await c.WaitForAsync<TickPrice>("AAPL ticks", t => t.ReqId == 1);

        sim.Faults.ConnectivityLost();
        await c.WaitForAsync<ErrorMessage>("1100", m => m.Code == 1100);
        sim.Faults.ConnectivityRestored(dataLost: false);

        ErrorMessage back = await c.WaitForAsync<ErrorMessage>("1102", m => m.Code == 1102);
        Assert.Equal((-1, "Connectivity between IB and Trader Workstation has been restored - data maintained."), (back.Id, back.Message));
        await c.SettleAsync();
        for (int i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await c.WaitForAsync<TickPrice>("ticks resume on the kept line", t => t.ReqId == 1);
        await c.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        Assert.Equal("Duplicate ticker id", (await c.WaitForAsync<ErrorMessage>("102", m => m.Code == 102)).Message);
    }

    [Theory]
    [InlineData(1, true, 10089, "Requested market data requires additional subscription for API. See link in 'Market Data Connections' dialog for more details.Delayed market data is available.AMD NASDAQ/TOP/ALL")]
    [InlineData(1, false, 354, "Requested market data is not subscribed.")]
    [InlineData(3, false, 10168, "Requested market data is not subscribed. Delayed market data is not enabled.")]
    [InlineData(4, false, 10168, "Requested market data is not subscribed. Delayed market data is not enabled.")]
    [InlineData(3, true, 10167, "Requested market data is not subscribed. Displaying delayed market data.")]
    public async Task A_symbol_the_account_does_not_subscribe_to_gets_IBs_code_and_text(int dataType, bool delayedEnabled, int code, string text)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { UnsubscribedSymbols = ["AMD"], DelayedDataEnabled = delayedEnabled });
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        await c.SendAsync((w, v) => new ReqMarketDataType(dataType).Encode(w, v));

        await c.SendAsync((w, v) => new ReqMktData(9, Aapl with { Symbol = "AMD" }).Encode(w, v));

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>($"error {code}", m => m.Id == 9);
        Assert.Equal((code, text), (e.Code, e.Message));
        await c.SendAsync((w, v) => new ReqMktData(10, Aapl).Encode(w, v));
        await c.WaitForAsync<TickPrice>("a subscribed symbol still streams", t => t.ReqId == 10);
        Assert.Equal(code == 10167, c.Has<TickPrice>(t => t.ReqId == 9));
    }

    [Fact]
    public async Task Without_options_permission_an_option_line_gets_354_and_the_stock_streams()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time, configure: o => o with { OptionDataPermission = false });
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        await c.SendAsync((w, v) => new ReqSecDefOptParams(1, "AAPL", "", "STK", 265598).Encode(w, v));
        SecurityDefinitionOptionParameter chain = await c.WaitForAsync<SecurityDefinitionOptionParameter>("the chain");
        var call = new Contract
        {
            Symbol = "AAPL",
            SecType = "OPT",
            Exchange = "SMART",
            Currency = "USD",
            LastTradeDateOrContractMonth = chain.Expirations[0],
            Strike = chain.Strikes[chain.Strikes.Count / 2],
            Right = "C",
            Multiplier = "100",
        };

        await c.SendAsync((w, v) => new ReqMktData(2, call).Encode(w, v));
        await c.SendAsync((w, v) => new ReqMktData(3, Aapl).Encode(w, v));

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("354", m => m.Id == 2);
        Assert.Equal((354, "Requested market data is not subscribed."), (e.Code, e.Message));
        await c.WaitForAsync<TickPrice>("the stock streams", t => t.ReqId == 3);
        Assert.False(c.Has<TickPrice>(t => t.ReqId == 2));
    }
}
