using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

/// <summary>
/// At a market speed above 1, which clock IB's 50 messages/s and historical pacing count on
/// (<see cref="SimulatorOptions.LimitsClock"/>): IB counts real seconds (Driving); the default counts market seconds.
/// Loopback TCP, fake driving clock, market at 30x.
/// </summary>
public sealed class LimitsClockTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static async Task<(FakeTimeProvider Time, GatewaySimulator Sim, SimClient Client)> StartAsync(LimitsClock clock)
    {
        FakeTimeProvider time = Sim.Clock();
        GatewaySimulator sim = Sim.Create(time, configure: o => o with { Speed = 30, LimitsClock = clock });
        await sim.StartAsync();
        SimClient c = await SimClient.ConnectTcpAsync(sim);

        // The start-up messages (handshake excluded) must leave the window before the test counts.
        time.Advance(TimeSpan.FromSeconds(2));
        return (time, sim, c);
    }

    /// <summary>One currentTime request, answered before it returns (so it is counted at the fake time it was sent).</summary>
    private static async Task PingAsync(SimClient c)
    {
        int before = c.All<CurrentTime>().Count;
        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await Wait.UntilAsync("the currentTime reply", () => c.All<CurrentTime>().Count > before || c.Closed);
    }

    [Fact]
    public async Task Counting_on_the_driving_clock_a_client_paced_at_45_per_real_second_is_never_refused_at_30x()
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync(LimitsClock.Driving);
        await using (sim)
        await using (c)
        {
            for (int i = 0; i < 3 * 45; i++)
            {
                await PingAsync(c);
                time.Advance(TimeSpan.FromSeconds(1.0 / 45));
            }

            Assert.False(c.Closed);
            Assert.False(c.Has<ErrorMessage>(m => m.Code == 100));
            Assert.Equal(135, c.All<CurrentTime>().Count);
        }
    }

    [Theory]
    [InlineData(LimitsClock.Driving, true)]
    [InlineData(LimitsClock.Market, false)]
    public async Task Sixty_messages_in_a_tenth_of_a_real_second_are_over_the_limit_only_when_counting_real_seconds(LimitsClock clock, bool refused)
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync(clock);
        await using (sim)
        await using (c)
        {
            // 30 messages, 0.1 s of real time (3 market seconds), 30 more.
            for (int i = 0; i < 60 && !c.Closed; i++)
            {
                await PingAsync(c);
                if (i == 29)
                {
                    time.Advance(TimeSpan.FromMilliseconds(100));
                }
            }

            await Wait.UntilAsync("the verdict", () => c.Closed || c.All<CurrentTime>().Count == 60);
            Assert.Equal(refused, c.Has<ErrorMessage>(m => m.Code == 100));
            Assert.Equal(refused ? 50 : 60, c.All<CurrentTime>().Count);
        }
    }

    [Theory]
    [InlineData(LimitsClock.Driving, true)]
    [InlineData(LimitsClock.Market, false)]
    public async Task Six_small_bar_requests_for_one_contract_within_two_real_seconds_are_paced_only_when_counting_real_seconds(LimitsClock clock, bool refused)
    {
        (FakeTimeProvider time, GatewaySimulator sim, SimClient c) = await StartAsync(clock);
        await using (sim)
        await using (c)
        {
            for (int i = 1; i <= 6; i++)
            {
                int reqId = i;
                await c.SendAsync((w, v) => new ReqHistoricalData(reqId, Aapl, "", "1 secs", $"{30 * reqId} S", false, "TRADES", 2).Encode(w, v));
                await Wait.UntilAsync($"an answer to {reqId}",
                    () => c.Has<HistoricalData>(m => m.ReqId == reqId) || c.Has<ErrorMessage>(m => m.Id == reqId));

                // 0.3 s of real time is 9 market seconds: outside IB's 2-second window only on the market clock.
                time.Advance(TimeSpan.FromMilliseconds(300));
            }

            Assert.Equal(refused, c.Has<ErrorMessage>(m => m.Id == 6 && m.Code == 162));
            Assert.Equal(refused ? 5 : 6, c.All<HistoricalData>().Count);
        }
    }
}
