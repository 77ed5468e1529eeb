using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Tests.Unit;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Client;

public class PacingTests
{
    [Fact]
    public async Task A_burst_of_500_requests_never_puts_more_than_50_in_any_second_at_the_gateway()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        var calls = new List<Task<IReadOnlyList<ContractDetails>>>();
        for (int i = 0; i < 500; i++)
        {
            calls.Add(h.Client.GetContractDetailsAsync(new Contract { Symbol = $"S{i}", SecType = "STK", Exchange = "SMART", Currency = "USD" }));
        }

        await PacedClock.RunAsync(h.Clock, h.Client.Writer,
            delivered: () => h.Gateway.Requests.Count >= h.Client.GetStats().MessagesOut,
            done: () => h.Gateway.RequestsOf<ReqContractDetails>().Count == 500);

        List<long> arrivals;
        lock (h.Gateway.Timeline)
        {
            arrivals = h.Gateway.Timeline.Select(t => t.At.UtcTicks).ToList();
        }

        Assert.True(PacingAssert.MaxInAnySecond(arrivals) <= 50, $"max {PacingAssert.MaxInAnySecond(arrivals)} in one second");
        Assert.Equal(500, h.Gateway.RequestsOf<ReqContractDetails>().Select(r => r.Contract.Symbol).Distinct().Count());
    }
}

public class PacingClockTests
{
    [Fact]
    public async Task With_a_pacing_clock_the_market_clock_racing_ahead_releases_nothing_early()
    {
        // The in-process demo: the market clock runs fast (here: a second per 22 ms pacing step), the gateway counts real seconds.
        var market = new FakeTimeProvider(ClientHarness.Weekend);
        await using var h = new ClientHarness(o => o with { TimeProvider = market, PacingTimeProvider = o.TimeProvider });
        await h.ConnectAsync();
        long start = h.Clock.GetTimestamp();
        var calls = new List<Task<IReadOnlyList<ContractDetails>>>();
        for (int i = 0; i < 100; i++)
        {
            calls.Add(h.Client.GetContractDetailsAsync(new Contract { Symbol = $"S{i}", SecType = "STK", Exchange = "SMART", Currency = "USD" }));
        }

        await PacedClock.RunAsync(h.Clock, h.Client.Writer,
            delivered: () => h.Gateway.Requests.Count >= h.Client.GetStats().MessagesOut,
            done: () => h.Gateway.RequestsOf<ReqContractDetails>().Count == 100,
            settled: () => market.Advance(TimeSpan.FromSeconds(1)));

        List<long> arrivals;
        lock (h.Gateway.Timeline)
        {
            arrivals = h.Gateway.Timeline.Select(t => t.At.UtcTicks).ToList();
        }

        Assert.True(PacingAssert.MaxInAnySecond(arrivals) <= 50, $"max {PacingAssert.MaxInAnySecond(arrivals)} in one second");
        Assert.True(h.Clock.GetElapsedTime(start) >= TimeSpan.FromSeconds(99 / 45.0), $"the burst took {h.Clock.GetElapsedTime(start)} of pacing time");
    }
}
