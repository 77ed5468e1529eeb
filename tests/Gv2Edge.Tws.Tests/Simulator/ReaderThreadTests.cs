using Gv2Edge.Tws.Connection;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Simulator;

/// <summary><see cref="TwsClientOptions.ReaderThread"/>: the same client behaviour over the dedicated receive thread.</summary>
public class ReaderThreadTests
{
    private static readonly Contract Aapl = new() { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(configure: o => o with { ReaderThread = true });

    [Fact]
    public async Task Ticks_reach_the_ticker_and_the_callback_through_the_reader_thread()
    {
        await using SimulatorHarness h = await StartAsync();
        string? thread = null;
        MarketDataSubscription sub = h.Client.Subscribe(Aapl, "165", updated: _ => thread ??= Thread.CurrentThread.Name);
        await h.PumpUntilAsync("quote and average volume", () => sub.Ticker.Snapshot() is { AverageVolume: not null } s && !double.IsNaN(s.Bid));
        Assert.Equal("TWS socket reader", Volatile.Read(ref thread));
        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.True(t.Ask >= t.Bid);
    }

    [Fact]
    public async Task A_gateway_restart_is_survived_and_the_subscription_delivers_again()
    {
        await using SimulatorHarness h = await StartAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Aapl);
        await h.PumpUntilAsync("streaming", () => sub.Ticker.UpdateCount > 0);

        h.Sim.Faults.Restart(TimeSpan.FromSeconds(4));
        await h.PumpUntilAsync("loss noticed", () => h.Client.State == ConnectionState.Reconnecting);
        await h.PumpUntilAsync("reconnected", () => h.Client.IsConnected, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));
        long before = sub.Ticker.UpdateCount;
        await h.PumpUntilAsync("delivering again", () => sub.Ticker.UpdateCount > before);
        Assert.Equal(1, h.Client.GetStats().Reconnections);
    }

    [Fact]
    public async Task A_malformed_frame_resets_the_connection_and_the_client_comes_back()
    {
        await using SimulatorHarness h = await StartAsync();
        h.Sim.Faults.SendMalformedFrame();
        await h.PumpUntilAsync("reset", () => h.Client.State == ConnectionState.Reconnecting);
        await h.PumpUntilAsync("back", () => h.Client.IsConnected, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(20));
        Assert.Equal(1, h.Client.GetStats().Reconnections);
    }
}
