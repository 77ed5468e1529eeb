using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Simulator;

public class SimulatorTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    [Theory]
    [InlineData(157)]
    [InlineData(176)]
    [InlineData(187)]
    public async Task Handshake_with_the_simulator_over_loopback(int version)
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync(version);
        Assert.Equal(ConnectionState.Connected, h.Client.State);
        Assert.Equal(version, h.Client.ServerVersion);
        Assert.NotEmpty(h.Client.Accounts);
    }

    [Fact]
    public async Task Ticks_from_the_simulator_fill_the_ticker()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Aapl);
        await h.PumpUntilAsync("bid and ask", () => !double.IsNaN(sub.Ticker.Snapshot().Bid) && !double.IsNaN(sub.Ticker.Snapshot().Ask));
        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.True(t.Ask >= t.Bid);
    }

    [Fact]
    public async Task Generic_tick_165_from_the_simulator_fills_the_average_volume_and_the_week_ranges()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Aapl, "165");
        await h.PumpUntilAsync("average volume and 52-week high", () => sub.Ticker.Snapshot() is { AverageVolume: not null } s && !double.IsNaN(s.High52Week));

        TickerSnapshot t = sub.Ticker.Snapshot();
        long published = Gv2Edge.Tws.Simulator.Market.Universe.Default.Find("AAPL")!.AvgDailyVolume;
        Assert.Equal(published, t.AverageVolume);
        Assert.Equal(t.AverageVolume, sub.Ticker.ReadQuote().AverageVolume);
        Assert.True(t.Low13Week <= t.High13Week && t.Low26Week <= t.High26Week && t.Low52Week <= t.High52Week);
        Assert.True(t.Low52Week <= t.Low26Week && t.Low26Week <= t.Low13Week);
        Assert.True(t.High52Week >= t.High26Week && t.High26Week >= t.High13Week);
    }

    [Theory]
    [InlineData(157)]
    [InlineData(187)]
    public async Task Stock_sizes_come_out_in_shares_whether_the_gateway_sends_lots_or_shares(int serverVersion)
    {
        // Below 159 (MARKET_DATA_IN_SHARES) IB sends a stock's sizes and volume in lots of 100; the client multiplies.
        await using SimulatorHarness h = await SimulatorHarness.StartAsync(serverVersion);
        MarketDataSubscription sub = h.Client.Subscribe(Aapl, "165");
        await h.PumpUntilAsync("sizes, volume and average volume",
            () => sub.Ticker.Snapshot() is { AverageVolume: not null, BidSize: > 0, AskSize: > 0, Volume: > 0 });

        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.Equal(Gv2Edge.Tws.Simulator.Market.Universe.Default.Find("AAPL")!.AvgDailyVolume, t.AverageVolume);
        // The simulator's displayed depth is 1 to 19 round lots (x4 at most in a scripted tightening): never 100x that.
        Assert.InRange(t.BidSize!.Value, 100, 7_600);
        Assert.InRange(t.AskSize!.Value, 100, 7_600);
        Assert.Equal(0, t.BidSize.Value % 100);
    }

    [Fact]
    public async Task A_gateway_restart_is_survived_and_every_subscription_delivers_within_a_second_of_reconnecting()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        MarketDataSubscription[] subs = new[] { "AAPL", "MSFT", "NVDA" }.Select(s => h.Client.Subscribe(Aapl with { Symbol = s })).ToArray();
        await h.PumpUntilAsync("all streaming", () => subs.All(s => s.Ticker.Snapshot().UpdateCount > 0));

        h.Sim.Faults.Restart(TimeSpan.FromSeconds(4));
        await h.PumpUntilAsync("loss noticed", () => h.Client.State == ConnectionState.Reconnecting);
        await h.PumpUntilAsync("reconnected", () => h.Client.IsConnected, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));
        DateTimeOffset back = h.Clock.GetUtcNow();
        long[] before = subs.Select(s => s.Ticker.Snapshot().UpdateCount).ToArray();
        await h.PumpUntilAsync("every subscription delivering again",
            () => subs.Select((s, i) => s.Ticker.Snapshot().UpdateCount > before[i]).All(x => x), TimeSpan.FromSeconds(1));
        Assert.True(h.Clock.GetUtcNow() - back <= TimeSpan.FromSeconds(1));
        Assert.Equal(1, h.Client.GetStats().Reconnections);
    }

    [Fact]
    public async Task Connectivity_restored_with_data_lost_is_resubscribed_on_the_same_socket()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Aapl);
        await h.PumpUntilAsync("streaming", () => sub.Ticker.Snapshot().UpdateCount > 0);
        int oldId = sub.RequestId;
        h.Sim.Faults.ConnectivityLost();
        await h.PumpUntilAsync("stale", () => sub.Ticker.IsStale);
        h.Sim.Faults.ConnectivityRestored(dataLost: true);
        await h.PumpUntilAsync("resubscribed and fresh", () => sub.RequestId != oldId && !sub.Ticker.IsStale);
        Assert.Equal(0, h.Client.GetStats().Disconnections);
    }

    [Fact]
    public async Task A_farm_flap_makes_streams_stale_then_fresh_and_keeps_the_socket()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Aapl);
        await h.PumpUntilAsync("streaming", () => sub.Ticker.Snapshot().UpdateCount > 0);
        h.Sim.Faults.FarmFlap(up: false);
        await h.PumpUntilAsync("stale", () => sub.Ticker.IsStale);
        h.Sim.Faults.FarmFlap(up: true);
        await h.PumpUntilAsync("fresh", () => !sub.Ticker.IsStale);
        Assert.Equal(0, h.Client.GetStats().Disconnections);
        Assert.True(h.Client.IsConnected);
    }

    [Fact]
    public async Task A_malformed_frame_resets_the_connection_and_the_client_comes_back()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        h.Sim.Faults.SendMalformedFrame();
        await h.PumpUntilAsync("reset", () => h.Client.State == ConnectionState.Reconnecting);
        await h.PumpUntilAsync("back", () => h.Client.IsConnected, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(20));
        Assert.Equal(1, h.Client.GetStats().Reconnections);
    }
}
