using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Simulator;

/// <summary>
/// IB counts historical pacing per gateway, over every application connected to it, so a client's own scheduler
/// cannot always prevent a 162 pacing violation: the refused request must queue again, not fail.
/// </summary>
public class HistoricalPacingTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };
    private const string FridayClose = "20260102 16:00:00 US/Eastern";

    [Fact]
    public async Task A_pacing_violation_from_the_gateway_requeues_the_request_with_backoff_instead_of_failing()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        await using TwsClient otherApp = await ConnectOtherAppAsync(h);
        // The other application asks for exactly these bars first: IB refuses an identical request within 15 s,
        // counted at the gateway, which this client's own scheduler cannot see.
        Task<HistoricalData> theirs = otherApp.GetHistoricalBarsAsync(Aapl, FridayClose, "1800 S", "30 secs");
        await h.PumpUntilAsync("the other application's request answered", () => theirs.IsCompleted);
        Assert.True(theirs.IsCompletedSuccessfully);

        DateTimeOffset asked = h.Clock.GetUtcNow();
        Task<HistoricalData> ours = h.Client.GetHistoricalBarsAsync(Aapl, FridayClose, "1800 S", "30 secs");
        await h.PumpUntilAsync("refused for pacing", () => h.Client.GetStats().HistoricalPacingRetries >= 1 || ours.IsCompleted);
        Assert.False(ours.IsCompleted);

        await h.PumpUntilAsync("answered after the back-off", () => ours.IsCompleted, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
        HistoricalData bars = await ours;
        Assert.NotEmpty(bars.Bars);
        Assert.True(h.Clock.GetUtcNow() - asked >= TwsClient.PacingBackoff(1));
        Assert.InRange(h.Client.GetStats().HistoricalPacingRetries, 1, 2);
    }

    [Fact]
    public void The_pacing_backoff_doubles_from_10_seconds_up_to_IBs_10_minute_window()
    {
        Assert.Equal(
            [10, 20, 40, 80, 160, 320, 600, 600],
            Enumerable.Range(1, 8).Select(n => TwsClient.PacingBackoff(n).TotalSeconds).ToArray());
    }

    private static async Task<TwsClient> ConnectOtherAppAsync(SimulatorHarness h)
    {
        var other = new TwsClient(new TwsClientOptions { Port = h.Sim.Port, ClientId = 2, TimeProvider = h.Clock, ReconnectJitter = 0 });
        Task connect = other.ConnectAsync();
        await h.PumpUntilAsync("second application connected", () => connect.IsCompleted);
        await connect;
        return other;
    }
}
