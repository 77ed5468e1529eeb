using Gv2Edge.TestKit;
using Gv2Edge.Tws.Protocol.Messages;
using Xunit;

namespace Gv2Edge.Tws.Simulator.Tests;

public sealed class LimitsAndFaultsTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Fact]
    public async Task More_than_50_messages_in_one_second_over_all_clients_gets_100_and_disconnects()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient a = await SimClient.ConnectInMemoryAsync(sim, clientId: 1);
        await using SimClient b = await SimClient.ConnectInMemoryAsync(sim, clientId: 2);
        time.Advance(TimeSpan.FromSeconds(2));

        for (int i = 0; i < 25; i++)
        {
            await a.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        }

        await Wait.UntilAsync("25 replies", () => a.All<CurrentTime>().Count == 25);
        for (int i = 0; i < 26; i++)
        {
            await b.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        }

        ErrorMessage e = await b.WaitForAsync<ErrorMessage>("error 100", m => m.Code == 100);
        Assert.Equal("Max rate of messages per second has been exceeded:max=50 rec=51 (1)", e.Message);
        await Wait.UntilAsync("b disconnected", () => b.Closed);
        Assert.Equal(25, b.All<CurrentTime>().Count);
    }

    [Fact]
    public async Task Fifty_messages_per_second_sustained_are_accepted()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        time.Advance(TimeSpan.FromSeconds(2));
        for (int second = 0; second < 3; second++)
        {
            for (int i = 0; i < 50; i++)
            {
                await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
            }

            int expected = 50 * (second + 1);
            await Wait.UntilAsync($"{expected} replies", () => c.All<CurrentTime>().Count == expected);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(c.Closed);
        Assert.False(c.Has<ErrorMessage>(m => m.Code == 100));
    }

    [Fact]
    public async Task Drop_all_connections_closes_every_client()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient a = await SimClient.ConnectInMemoryAsync(sim, clientId: 1);
        await using SimClient b = await SimClient.ConnectInMemoryAsync(sim, clientId: 2);

        sim.Faults.DropAllConnections();

        await Wait.UntilAsync("both closed", () => a.Closed && b.Closed);
    }

    [Fact]
    public async Task Restart_refuses_connections_for_the_downtime_then_accepts_the_same_client_id()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await sim.StartAsync();
        await using SimClient a = await SimClient.ConnectAsync(sim.Port);
        await a.HandshakeAsync();
        await a.StartApiAsync(1);

        sim.Faults.Restart(TimeSpan.FromSeconds(30));
        await Wait.UntilAsync("the client is dropped", () => a.Closed);
        await using SimClient refused = await SimClient.ConnectAsync(sim.Port);
        await Assert.ThrowsAsync<InvalidOperationException>(() => refused.HandshakeAsync());

        time.Advance(TimeSpan.FromSeconds(31));
        await using SimClient back = await SimClient.ConnectAsync(sim.Port);
        await back.HandshakeAsync();
        await back.StartApiAsync(1);
        Assert.True(back.Has<NextValidId>());
    }

    [Theory]
    [InlineData(true, 1101)]
    [InlineData(false, 1102)]
    public async Task Connectivity_loss_sends_1100_and_restore_says_whether_data_was_lost(bool dataLost, int code)
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        await c.WaitForAsync<TickPrice>("ticks", t => t.TickType == 14);

        sim.Faults.ConnectivityLost();
        await c.WaitForAsync<ErrorMessage>("1100", m => m.Code == 1100 && m.Id == -1);
        int frames = c.Frames.Count;
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(frames, c.Frames.Count);

        sim.Faults.ConnectivityRestored(dataLost);
        await c.WaitForAsync<ErrorMessage>($"{code}", m => m.Code == code);
        frames = c.Frames.Count;
        time.Advance(TimeSpan.FromSeconds(5));
        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await c.WaitForAsync<CurrentTime>("a marker");

        int ticksAfter = c.Frames.Count - frames - 1;
        Assert.Equal(dataLost, ticksAfter == 0);
    }

    [Fact]
    public async Task Farm_flap_sends_2103_then_2104_and_data_pauses_between()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SettleAsync();

        sim.Faults.FarmFlap(up: false);
        sim.Faults.FarmFlap(up: true);

        await c.WaitForAsync<ErrorMessage>("2104", m => m.Code == 2104);
        Assert.Equal([2103, 2104], c.All<ErrorMessage>().Select(m => m.Code));
        Assert.Equal("Market data farm connection is broken:usfarm", c.All<ErrorMessage>()[0].Message);
    }

    [Fact]
    public async Task A_silenced_subscription_stops_without_any_error_while_others_continue()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(1, Aapl).Encode(w, v));
        await c.SendAsync((w, v) => new ReqMktData(2, Aapl with { Symbol = "NVDA" }).Encode(w, v));
        await c.WaitForAsync<TickPrice>("NVDA ticks", t => t.ReqId == 2 && t.TickType == 14);

        Assert.True(sim.Faults.SilenceSubscription(1));
        await c.SettleAsync();
        for (int i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await c.WaitForAsync<TickPrice>("NVDA keeps ticking", t => t.ReqId == 2);
        Assert.False(c.Has<TickPrice>(t => t.ReqId == 1));
        Assert.False(c.Has<ErrorMessage>());
    }

    [Fact]
    public async Task Competing_session_sends_10197_on_each_line()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        await c.SendAsync((w, v) => new ReqMktData(4, Aapl).Encode(w, v));
        await c.WaitForAsync<TickPrice>("ticks", t => t.TickType == 14);

        sim.Faults.CompetingSession();

        ErrorMessage e = await c.WaitForAsync<ErrorMessage>("10197", m => m.Code == 10197);
        Assert.Equal(4, e.Id);
    }

    [Fact]
    public async Task Slow_replies_wait_for_the_configured_delay()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);
        sim.Faults.ReplyDelay = TimeSpan.FromSeconds(3);

        await c.SendAsync((w, v) => new ReqCurrentTime().Encode(w, v));
        await Wait.UntilAsync("the request is read", () => sim.MessagesReceived >= 2);
        Assert.False(c.Has<CurrentTime>());
        time.Advance(TimeSpan.FromSeconds(3));

        // The delay's timer may be armed just after that step (the request is counted when read, the timer set after):
        // keep stepping fake time until the reply comes; it must not have come before the delay (asserted above).
        await Wait.UntilAsync("the delayed reply", () =>
        {
            if (!c.Has<CurrentTime>())
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            return c.Has<CurrentTime>();
        });
    }

    [Fact]
    public async Task Malformed_frame_reaches_the_client()
    {
        var time = Sim.Clock();
        await using GatewaySimulator sim = Sim.Create(time);
        await using SimClient c = await SimClient.ConnectInMemoryAsync(sim);

        sim.Faults.SendMalformedFrame();

        await c.WaitForAsync<SimClient.Malformed>("a frame the decoder rejects");
    }
}
