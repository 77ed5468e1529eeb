using Gv2Edge.Tws.Protocol.Messages;
using Gv2Edge.Tws.Simulator.Market;
using Gv2Edge.Tws.Tests.Client;

namespace Gv2Edge.Tws.Tests.Simulator;

/// <summary>The simulator enforces TWS's 50 messages/s (error 100 and a disconnect beyond it), on the shared fake clock.</summary>
public class GatewayRateLimitTests
{
    [Fact]
    public async Task A_burst_of_500_requests_stays_under_50_per_second_at_the_simulator_and_every_call_completes()
    {
        // Default options, heartbeat included: fake time moves only as the pacer needs (PacedClock), so the burst
        // lasts about 11.5 s of it and no heartbeat is due.
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        // Let the start-up requests (startApi, market data type) leave and arrive first.
        await h.PumpUntilAsync("start-up sent", () => h.Client.GetStats().MessagesOut >= 2 && h.Sim.MessagesReceived >= h.Client.GetStats().MessagesOut - 1);
        long offset = h.Client.GetStats().MessagesOut - h.Sim.MessagesReceived;
        string[] symbols = [.. Universe.Default.Stocks.Select(s => s.Symbol)];
        DateTimeOffset start = h.Clock.GetUtcNow();
        Task<IReadOnlyList<ContractDetails>>[] calls = Enumerable.Range(0, 500)
            .Select(i => h.Client.GetContractDetailsAsync(new Contract { Symbol = symbols[i % symbols.Length], SecType = "STK", Exchange = "SMART", Currency = "USD" }))
            .ToArray();

        int peak = 0;
        await PacedClock.RunAsync(h.Clock, h.Client.Writer,
            delivered: () => h.Sim.MessagesReceived + offset >= h.Client.GetStats().MessagesOut,
            done: () => calls.All(c => c.IsCompleted),
            settled: () => peak = Math.Max(peak, h.Sim.MessagesInLastSecond));

        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully, c.Exception?.GetBaseException().Message));
        Assert.InRange(peak, 40, 50);
        Assert.Equal(0, h.Client.GetStats().Disconnections);

        // 499 gaps of at least 1/45 s: paced, and not slower than the 23 ms the writer's millisecond timer rounds to.
        Assert.InRange(h.Clock.GetUtcNow() - start, TimeSpan.FromSeconds(499.0 / 45), TimeSpan.FromSeconds(500 * 0.023));
    }
}
