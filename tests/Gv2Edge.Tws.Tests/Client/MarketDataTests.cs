using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Tests.Client;

public class MarketDataTests
{
    private static Contract Stock(string symbol) => new() { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" };

    private static async Task<(ClientHarness H, MarketDataSubscription Sub, int ReqId)> SubscribedAsync(
        Func<TwsClientOptions, TwsClientOptions>? configure = null, int version = 187, DateTimeOffset? start = null, Action<MarketDataSubscription>? updated = null)
    {
        var h = new ClientHarness(configure, start, version);
        await h.ConnectAsync();
        MarketDataSubscription sub = h.Client.Subscribe(Stock("AAPL"), "233", updated: updated);
        await h.PumpUntilAsync("subscription sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 1);
        return (h, sub, h.Gateway.RequestsOf<ReqMktData>()[0].ReqId);
    }

    [Fact]
    public async Task Ticks_update_the_ticker_in_place_and_reach_the_callback_and_the_channel()
    {
        int calls = 0;
        var (h, sub, id) = await SubscribedAsync(updated: _ => Interlocked.Increment(ref calls));
        await using var _ = h;
        h.Gateway.Send(new TickPrice(id, 1, 187.5, 300, 0));
        h.Gateway.Send(new TickPrice(id, 2, 187.6, 200, 0));
        h.Gateway.Send(new TickSize(id, 8, 1_000_000));
        h.Gateway.Send(new TickGeneric(id, 49, 0));
        h.Gateway.Send(TickString.FromRtVolume(id, 48, 187.55, 100, 1767625200123, 1_000_100, 187.4, true));
        await ClientHarness.SettleAsync(() => sub.Ticker.Snapshot().UpdateCount == 5, "five ticks applied");

        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.Equal((187.5, 187.6, 187.55), (t.Bid, t.Ask, t.Last));
        Assert.Equal((300m, 200m), (t.BidSize, t.AskSize));
        Assert.Equal(1_000_100m, t.Volume);
        Assert.Equal(187.4, t.Vwap);
        Assert.Equal(0, t.Halted);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767625200123), t.LastTradeTime);
        Assert.Equal(5, Volatile.Read(ref calls));
        Assert.True(h.Client.Updates.TryRead(out MarketDataSubscription? queued));
        Assert.Same(sub, queued);
        Assert.False(h.Client.Updates.TryRead(out MarketDataSubscription? none)); // five ticks, one coalesced notice
    }

    [Fact]
    public async Task Stock_sizes_in_lots_are_normalised_to_shares_below_server_version_159()
    {
        var (h, sub, id) = await SubscribedAsync(version: 157);
        await using var _ = h;
        h.Gateway.Send(new TickSize(id, 0, 3));
        h.Gateway.Send(new TickSize(id, 8, 12_000));
        h.Gateway.Send(new TickSize(id, 21, 25_000));
        await ClientHarness.SettleAsync(() => sub.Ticker.Snapshot().UpdateCount == 3, "ticks applied");
        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.Equal((300m, 1_200_000m, 2_500_000m), (t.BidSize, t.Volume, t.AverageVolume));
    }

    [Fact]
    public async Task The_average_volume_of_generic_tick_165_arrives_in_shares_from_server_version_159()
    {
        var (h, sub, id) = await SubscribedAsync();
        await using var _ = h;
        h.Gateway.Send(new TickSize(id, 21, 2_500_000));
        h.Gateway.Send(new TickPrice(id, 19, 101.25, 0, 0));
        await ClientHarness.SettleAsync(() => sub.Ticker.Snapshot().UpdateCount == 2, "ticks applied");
        TickerSnapshot t = sub.Ticker.Snapshot();
        Assert.Equal(2_500_000m, t.AverageVolume);
        Assert.Equal(101.25, t.Low52Week);
        Assert.Equal(2_500_000m, sub.Ticker.ReadQuote().AverageVolume);
    }

    [Fact]
    public async Task Delayed_data_is_labelled_and_the_10167_advisory_keeps_the_stream()
    {
        var (h, sub, id) = await SubscribedAsync();
        await using var _ = h;
        h.Gateway.SendError(id, 10167, "Requested market data is not subscribed. Displaying delayed market data.");
        h.Gateway.Send(new MarketDataTypeMessage(id, 3));
        h.Gateway.Send(new TickPrice(id, 68, 10.5, 1, 0));
        await ClientHarness.SettleAsync(() => sub.Ticker.Snapshot().Last == 10.5, "delayed last");
        Assert.True(sub.Ticker.Snapshot().IsDelayed);
        Assert.True(sub.IsActive);
    }

    [Fact]
    public async Task Error_101_teaches_the_line_budget_and_fails_only_that_subscription()
    {
        var (h, first, _) = await SubscribedAsync();
        await using var __ = h;
        var failed = new TaskCompletionSource<SubscriptionEvent>();
        h.Client.SubscriptionFailed += (_, e) => failed.TrySetResult(e);
        MarketDataSubscription second = h.Client.Subscribe(Stock("MSFT"));
        await h.PumpUntilAsync("second sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        h.Gateway.SendError(h.Gateway.RequestsOf<ReqMktData>()[1].ReqId, 101, "Max number of tickers has been reached.");

        SubscriptionEvent e = await TestKit.Wait.ForAsync("failure event", failed.Task);
        Assert.Same(second, e.Subscription);
        Assert.False(second.IsActive);
        Assert.Equal(101, Assert.IsType<TwsException>(second.Error).Code);
        Assert.True(first.IsActive);
        Assert.Equal(1, h.Client.Lines.MaxLines);
        Assert.Equal(1, h.Client.Lines.Used);
    }

    [Fact]
    public async Task Streaming_subscriptions_cannot_take_the_reserved_lines()
    {
        await using var h = new ClientHarness(o => o with { MaxLines = 3, ReservedLines = 1 });
        await h.ConnectAsync();
        h.Client.Subscribe(Stock("A"));
        h.Client.Subscribe(Stock("B"));
        var ex = Assert.Throws<TwsException>(() => h.Client.Subscribe(Stock("C")));
        Assert.Equal(TwsErrorCodes.LineBudgetExhausted, ex.Code);
        h.Client.Subscribe(Stock("C"), kind: LineKind.OnDemand);
        Assert.Equal(new LineBudgetSnapshot(3, 1, 2, 1, 0), h.Client.Lines.Snapshot());
    }

    [Fact]
    public async Task After_a_reconnect_every_subscription_is_restored_with_new_ids_and_delivers_within_a_second()
    {
        var (h, sub, oldId) = await SubscribedAsync();
        await using var _ = h;
        MarketDataSubscription other = h.Client.Subscribe(Stock("MSFT"));
        await h.PumpUntilAsync("both sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        await h.Gateway.DropAsync();
        await ClientHarness.SettleAsync(() => sub.Ticker.IsStale && other.Ticker.IsStale, "marked stale on loss");

        await h.PumpUntilAsync("reconnected", () => h.Client.IsConnected, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));
        DateTimeOffset reconnectedAt = h.Clock.GetUtcNow();
        await h.PumpUntilAsync("restored", () => h.Gateway.RequestsOf<ReqMktData>().Count == 4);
        var restored = h.Gateway.RequestsOf<ReqMktData>().Skip(2).ToList();
        Assert.DoesNotContain(restored, r => r.ReqId == oldId);
        foreach (ReqMktData r in restored)
        {
            h.Gateway.Send(new TickPrice(r.ReqId, 4, 50, 1, 0));
        }

        await ClientHarness.SettleAsync(() => !sub.Ticker.IsStale && !other.Ticker.IsStale, "both fresh again");
        Assert.True(h.Clock.GetUtcNow() - reconnectedAt <= TimeSpan.FromSeconds(1));
        Assert.Equal(50, sub.Ticker.Snapshot().Last);
        Assert.Equal(1, sub.Resubscriptions);
    }

    [Fact]
    public async Task Connectivity_restored_with_data_lost_resubscribes_without_reconnecting()
    {
        var (h, sub, oldId) = await SubscribedAsync();
        await using var _ = h;
        h.Gateway.SendError(-1, 1100, "Connectivity between IB and Trader Workstation has been lost.");
        await ClientHarness.SettleAsync(() => sub.Ticker.IsStale, "stale on 1100");
        h.Gateway.SendError(-1, 1101, "Connectivity between IB and TWS has been restored - data lost.");
        await h.PumpUntilAsync("resubscribed", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        Assert.NotEqual(oldId, sub.RequestId);
        Assert.Equal(1, h.Gateway.Connections);
    }

    [Fact]
    public async Task A_farm_flap_marks_streams_stale_then_resubscribes_the_silent_ones_and_keeps_the_socket()
    {
        var (h, sub, oldId) = await SubscribedAsync();
        await using var _ = h;
        var stale = new TaskCompletionSource();
        h.Client.SubscriptionStale += (_, _) => stale.TrySetResult();
        h.Gateway.SendError(-1, 2103, "Market data farm connection is broken:usfarm");
        await TestKit.Wait.ForAsync("stale event", stale.Task.ContinueWith(_ => true));
        Assert.True(sub.Ticker.Snapshot().IsStale);

        h.Gateway.SendError(-1, 2104, "Market data farm connection is OK:usfarm");
        await h.PumpUntilAsync("silent stream re-sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        Assert.Equal(oldId, Assert.Single(h.Gateway.RequestsOf<CancelMktData>()).ReqId);
        h.Gateway.Send(new TickPrice(sub.RequestId, 1, 1.0, 1, 0));
        await ClientHarness.SettleAsync(() => !sub.Ticker.IsStale, "fresh");
        Assert.Equal(1, h.Gateway.Connections);
        Assert.True(h.Client.IsConnected);
    }

    [Fact]
    public async Task A_silent_subscription_is_marked_stale_and_resubscribed_alone()
    {
        var (h, sub, oldId) = await SubscribedAsync(o => o with { SilenceThresholdRegular = TimeSpan.FromSeconds(20) }, start: ClientHarness.RegularHours);
        await using var _ = h;
        MarketDataSubscription busy = h.Client.Subscribe(Stock("MSFT"));
        await h.PumpUntilAsync("second sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        int busyId = busy.RequestId;

        // MSFT keeps ticking; AAPL stays silent.
        await h.PumpUntilAsync("AAPL re-sent", () =>
        {
            h.Gateway.Send(new TickSize(busyId, 8, 1));
            return h.Gateway.RequestsOf<ReqMktData>().Count == 3;
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(500));

        Assert.Equal("AAPL", h.Gateway.RequestsOf<ReqMktData>()[2].Contract.Symbol);
        Assert.Equal(oldId, Assert.Single(h.Gateway.RequestsOf<CancelMktData>()).ReqId);
        Assert.True(sub.Ticker.IsStale);
        Assert.False(busy.Ticker.IsStale);
        Assert.Equal(busyId, busy.RequestId);
    }

    [Fact]
    public async Task A_halted_symbol_is_not_reported_stale_while_halted_and_is_watched_again_once_resumed()
    {
        var (h, sub, id) = await SubscribedAsync(o => o with { SilenceThresholdRegular = TimeSpan.FromSeconds(20) }, start: ClientHarness.RegularHours);
        await using var _ = h;
        var staleEvents = new List<string>();
        h.Client.SubscriptionStale += (_, e) =>
        {
            lock (staleEvents)
            {
                staleEvents.Add(e.Subscription.Contract.Symbol);
            }
        };
        MarketDataSubscription busy = h.Client.Subscribe(Stock("MSFT"));
        await h.PumpUntilAsync("second sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 2);
        int busyId = busy.RequestId;
        h.Gateway.Send(new TickGeneric(id, 49, 1)); // general halt (IB's halted tick)
        await ClientHarness.SettleAsync(() => sub.Ticker.IsHalted, "halt applied");

        // Three silence thresholds with AAPL halted and silent, MSFT ticking.
        DateTimeOffset until = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(60);
        await h.PumpUntilAsync("a minute of halt", () =>
        {
            h.Gateway.Send(new TickSize(busyId, 8, 1));
            return h.Clock.GetUtcNow() >= until;
        }, TimeSpan.FromSeconds(61), TimeSpan.FromMilliseconds(500));
        Assert.False(sub.Ticker.IsStale);
        Assert.Equal(2, h.Gateway.RequestsOf<ReqMktData>().Count);
        lock (staleEvents)
        {
            Assert.Empty(staleEvents);
        }

        // Trading resumes, then AAPL falls silent: now the silence counts again.
        h.Gateway.Send(new TickGeneric(id, 49, 0));
        await ClientHarness.SettleAsync(() => !sub.Ticker.IsHalted, "halt lifted");
        await h.PumpUntilAsync("AAPL re-sent after the halt", () =>
        {
            h.Gateway.Send(new TickSize(busyId, 8, 1));
            return h.Gateway.RequestsOf<ReqMktData>().Count == 3;
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(500));
        Assert.Equal("AAPL", h.Gateway.RequestsOf<ReqMktData>()[2].Contract.Symbol);
        Assert.True(sub.Ticker.IsStale);
    }

    [Fact]
    public async Task A_volatility_halt_also_suspends_the_silence_check()
    {
        var (h, sub, id) = await SubscribedAsync(o => o with { SilenceThresholdRegular = TimeSpan.FromSeconds(20) }, start: ClientHarness.RegularHours);
        await using var _ = h;
        h.Gateway.Send(new TickGeneric(id, 49, 2)); // volatility (LULD) halt
        await ClientHarness.SettleAsync(() => sub.Ticker.IsHalted, "halt applied");
        DateTimeOffset until = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(45);
        await h.PumpUntilAsync("45 s of halt", () => h.Clock.GetUtcNow() >= until, TimeSpan.FromSeconds(46), TimeSpan.FromMilliseconds(500));
        Assert.False(sub.Ticker.IsStale);
        Assert.Single(h.Gateway.RequestsOf<ReqMktData>());
    }

    [Fact]
    public async Task A_snapshot_quote_uses_an_on_demand_line_until_it_ends()
    {
        await using var h = new ClientHarness();
        await h.ConnectAsync();
        Task<TickerSnapshot> quote = h.Client.GetSnapshotQuoteAsync(Stock("AAPL"));
        await h.PumpUntilAsync("snapshot sent", () => h.Gateway.RequestsOf<ReqMktData>().Count == 1);
        ReqMktData req = h.Gateway.RequestsOf<ReqMktData>()[0];
        Assert.True(req.Snapshot);
        Assert.Equal(1, h.Client.Lines.Snapshot().UsedOnDemand);
        h.Gateway.Send(new TickPrice(req.ReqId, 4, 99.5, 10, 0));
        h.Gateway.Send(new TickSnapshotEnd(req.ReqId));
        Assert.Equal(99.5, (await TestKit.Wait.ForAsync("quote", quote)).Last);
        Assert.Equal(0, h.Client.Lines.Used);
    }
}
