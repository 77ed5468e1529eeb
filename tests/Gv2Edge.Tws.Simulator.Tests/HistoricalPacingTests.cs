using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// IB's historical pacing for bars of 30 s or less (tws-protocol.md §7), over loopback TCP on a fake clock: an
/// identical request within 15 s, 6 or more for one contract, exchange and type within 2 s, more than 60 in ten
/// minutes, BID_ASK counting twice → 162 "Historical data request pacing violation".
/// </summary>
public sealed class HistoricalPacingTests
{
    private const string Pacing = "Historical Market Data Service error message:Historical data request pacing violation";

    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static readonly string[] Symbols = ["AAPL", "NVDA", "AMD", "TSLA", "MSFT", "SPY", "SOUN", "JPM", "BAC", "SOFI"];

    /// <summary>A small-bar request; <paramref name="seconds"/> varies the duration so requests are not identical.</summary>
    private static ReqHistoricalData Small(int reqId, string symbol = "AAPL", int seconds = 30, string whatToShow = "TRADES")
        => new(reqId, Aapl with { Symbol = symbol }, "", "1 secs", $"{seconds} S", false, whatToShow, 2);

    /// <summary>Sends and waits for the answer (bars or an error), so the request is counted at the fake time it was sent.</summary>
    private static async Task<ErrorMessage?> AskAsync(SimClient c, ReqHistoricalData r)
    {
        await c.SendAsync((w, v) => r.Encode(w, v));
        await Gv2Edge.TestKit.Wait.UntilAsync($"an answer to {r.ReqId}",
            () => c.Has<HistoricalData>(m => m.ReqId == r.ReqId) || c.Has<ErrorMessage>(m => m.Id == r.ReqId));
        return c.All<ErrorMessage>(m => m.Id == r.ReqId).FirstOrDefault();
    }

    private static async Task<(FakeTimeProvider Time, GatewaySimulator Sim, SimClient Client)> StartAsync()
    {
        FakeTimeProvider time = Sim.Clock();
        GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        return (time, sim, await SimClient.ConnectTcpAsync(sim));
    }

    [Fact]
    public async Task The_sixth_request_for_one_contract_within_two_seconds_is_a_pacing_violation()
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync();
        await using (sim)
        await using (c)
        {
            for (int i = 1; i <= 5; i++)
            {
                Assert.Null(await AskAsync(c, Small(i, seconds: 30 * i)));
            }

            ErrorMessage? sixth = await AskAsync(c, Small(6, seconds: 180));
            Assert.Equal((162, Pacing), (sixth?.Code, sixth?.Message));

            // Another tick type and another contract have their own count; two seconds later AAPL TRADES is open again.
            Assert.Null(await AskAsync(c, Small(7, whatToShow: "MIDPOINT")));
            Assert.Null(await AskAsync(c, Small(8, symbol: "NVDA")));
            time.Advance(TimeSpan.FromSeconds(2));
            Assert.Null(await AskAsync(c, Small(9, seconds: 210)));
        }
    }

    [Fact]
    public async Task An_identical_request_is_refused_for_15_seconds_then_served()
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync();
        await using (sim)
        await using (c)
        {
            Assert.Null(await AskAsync(c, Small(1)));
            time.Advance(TimeSpan.FromSeconds(14));
            Assert.Equal(Pacing, (await AskAsync(c, Small(2)))?.Message);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(await AskAsync(c, Small(3)));
        }
    }

    [Fact]
    public async Task BID_ASK_counts_twice_so_the_third_within_two_seconds_is_refused()
    {
        (_, GatewaySimulator sim, SimClient c) = await StartAsync();
        await using (sim)
        await using (c)
        {
            Assert.Null(await AskAsync(c, Small(1, whatToShow: "BID_ASK", seconds: 30)));
            Assert.Null(await AskAsync(c, Small(2, whatToShow: "BID_ASK", seconds: 60)));
            Assert.Equal(Pacing, (await AskAsync(c, Small(3, whatToShow: "BID_ASK", seconds: 90)))?.Message);
        }
    }

    [Theory]
    [InlineData("TRADES", 60)]
    [InlineData("BID_ASK", 30)]
    public async Task More_than_60_small_bar_requests_in_ten_minutes_are_refused_until_the_oldest_leaves_the_window(string whatToShow, int allowed)
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync();
        await using (sim)
        await using (c)
        {
            for (int i = 0; i < allowed; i++)
            {
                Assert.Null(await AskAsync(c, Small(i + 1, Symbols[i % Symbols.Length], 30 + (i / Symbols.Length), whatToShow)));
                time.Advance(TimeSpan.FromSeconds(3));
            }

            // allowed × 3 s later: the first request is still inside its ten minutes.
            Assert.Equal(Pacing, (await AskAsync(c, Small(100, "AMZN")))?.Message);
            time.Advance(TimeSpan.FromSeconds(600 - (3 * allowed)));
            Assert.Null(await AskAsync(c, Small(101, "AMZN", whatToShow: whatToShow)));
        }
    }

    [Fact]
    public async Task Bars_of_one_minute_and_more_are_not_paced()
    {
        (_, GatewaySimulator sim, SimClient c) = await StartAsync();
        await using (sim)
        await using (c)
        {
            for (int i = 1; i <= 8; i++)
            {
                var minutes = new ReqHistoricalData(i, Aapl, "", "1 min", "1800 S", false, "TRADES", 2);
                Assert.Null(await AskAsync(c, minutes));
            }
        }
    }
}
