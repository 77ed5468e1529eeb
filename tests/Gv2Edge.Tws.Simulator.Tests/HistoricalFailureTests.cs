using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Faults;
using Gv2Edge.Tws.Simulator.Scenarios;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>The historical-failure fault, over loopback TCP with a raw protocol client.</summary>
public sealed class HistoricalFailureTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static ReqHistoricalData Daily(int reqId, string symbol)
        => new(reqId, Aapl with { Symbol = symbol }, "", "1 day", "5 D", true, "TRADES", 1);

    [Theory]
    [InlineData(HistoricalFailure.NoData, "AAPL", "Historical Market Data Service error message:HMDS query returned no data: AAPL@SMART Trades")]
    [InlineData(HistoricalFailure.PacingViolation, "AAPL", "Historical Market Data Service error message:Historical data request pacing violation")]
    [InlineData(HistoricalFailure.NoPermission, "AAPL", "Historical Market Data Service error message:No market data permissions for ISLAND STK")]
    [InlineData(HistoricalFailure.NoPermission, "JPM", "Historical Market Data Service error message:No market data permissions for NYSE STK")]
    [InlineData(HistoricalFailure.QueryCancelled, "AAPL", "Historical Market Data Service error message:API historical data query cancelled: 7")]
    public async Task A_failed_symbol_gets_162_with_IBs_text_while_other_symbols_get_bars(HistoricalFailure failure, string symbol, string text)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        sim.Faults.FailHistoricalData(symbol.ToLowerInvariant(), failure);

        await c.SendAsync((w, v) => Daily(7, symbol).Encode(w, v));
        await c.SendAsync((w, v) => Daily(8, "NVDA").Encode(w, v));

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("the failure", m => m.Id == 7);
        Assert.Equal((162, text), (e.Code, e.Message));
        Assert.Equal(5, (await c.WaitForAsync<HistoricalData>("NVDA's bars", m => m.ReqId == 8)).Bars.Count);
        Assert.False(c.Has<HistoricalData>(m => m.ReqId == 7));
    }

    [Fact]
    public async Task No_reply_leaves_the_request_unanswered_until_a_cancel_which_IB_acknowledges_with_162()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        sim.Faults.FailHistoricalData("AAPL", HistoricalFailure.NoReply);

        await c.SendAsync((w, v) => Daily(1, "AAPL").Encode(w, v));
        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("a reply sent after the historical request was read");
        time.Advance(TimeSpan.FromMinutes(1));
        await c.SendAsync((w, v) => Daily(2, "NVDA").Encode(w, v));
        await c.WaitForAsync<HistoricalData>("NVDA's bars", m => m.ReqId == 2);

        Assert.False(c.Has<HistoricalData>(m => m.ReqId == 1));
        Assert.False(c.Has<ErrorMessage>(m => m.Id == 1));

        // The client gives up and cancels: IB acknowledges a pending query with 162 "query cancelled".
        await c.SendAsync((w, v) => new CancelHistoricalData(1).Encode(w, v));
        ErrorMessage ack = await c.WaitForAsync<ErrorMessage>("the cancel's acknowledgement", m => m.Id == 1);
        Assert.Equal((162, "Historical Market Data Service error message:API historical data query cancelled: 1"), (ack.Code, ack.Message));
        await c.SendAsync((w, v) => new CancelHistoricalData(2).Encode(w, v));
        await c.SettleAsync();
        Assert.False(c.Has<ErrorMessage>(m => m.Id == 2));
    }

    [Fact]
    public async Task A_restored_symbol_is_served_again_and_failed_requests_do_not_count_towards_pacing()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient c = await SimClient.ConnectTcpAsync(sim);
        sim.Faults.FailHistoricalData("AAPL", HistoricalFailure.NoData);
        var small = new ReqHistoricalData(1, Aapl, "", "1 secs", "60 S", false, "TRADES", 2);

        await c.SendAsync((w, v) => small.Encode(w, v));
        await c.WaitForAsync<ErrorMessage>("no data", m => m.Id == 1);
        Assert.True(sim.Faults.RestoreHistoricalData("aapl"));
        Assert.False(sim.Faults.RestoreHistoricalData("AAPL"));
        Assert.Null(sim.Faults.HistoricalFailureFor("AAPL"));

        // The identical request right away would be a pacing violation had the failed one been counted.
        await c.SendAsync((w, v) => (small with { ReqId = 2 }).Encode(w, v));
        Assert.Equal(60, (await c.WaitForAsync<HistoricalData>("bars once restored", m => m.ReqId == 2)).Bars.Count);
        Assert.False(c.Has<ErrorMessage>(m => m.Id == 2));
    }

    [Fact]
    public async Task Failures_come_from_the_options_and_from_a_scenario_file_and_the_options_win()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sim-history-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "name": "broken-history", "start": "2026-11-24 09:25",
              "historicalFailures": { "soun": "noData", "AAPL": "pacingViolation" } }
            """);
        try
        {
            var time = Sim.Clock();
            await using GatewaySimulator sim = Sim.Create(time, scenario: path, configure: o => o with
            {
                HistoricalFailures = new Dictionary<string, HistoricalFailure> { ["AAPL"] = HistoricalFailure.NoPermission },
            });
            await sim.StartAsync();
            await using SimClient c = await SimClient.ConnectTcpAsync(sim);

            await c.SendAsync((w, v) => Daily(1, "SOUN").Encode(w, v));
            await c.SendAsync((w, v) => Daily(2, "AAPL").Encode(w, v));
            await c.SendAsync((w, v) => Daily(3, "NVDA").Encode(w, v));

            await c.WaitForAsync<HistoricalData>("NVDA's bars", m => m.ReqId == 3);
            Assert.EndsWith("HMDS query returned no data: SOUN@SMART Trades", (await c.WaitForAsync<ErrorMessage>("SOUN", m => m.Id == 1)).Message);
            Assert.EndsWith("No market data permissions for ISLAND STK", (await c.WaitForAsync<ErrorMessage>("AAPL", m => m.Id == 2)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "start": "2026-11-24 09:25", "historicalFailures": { "SOUN": "broken" } }""", "historicalFailures \"SOUN\" must be one of")]
    [InlineData("""{ "start": "2026-11-24 09:25", "historicalFailures": { "SOUN": 3 } }""", "not 3")]
    [InlineData("""{ "start": "2026-11-24 09:25", "historicalFailures": ["SOUN"] }""", "must be an object")]
    public void A_scenario_file_with_a_bad_historical_failure_is_refused_with_a_clear_message(string json, string expected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ScenarioFile.Parse(json, "bad.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_an_empty_symbol_are_refused()
    {
        var options = new SimulatorOptions
        {
            HistoricalFailures = new Dictionary<string, HistoricalFailure> { [" "] = HistoricalFailure.NoData },
        };

        Assert.Throws<ArgumentException>(() => new GatewaySimulator(options));
    }
}
