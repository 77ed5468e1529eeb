using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Radar.Tests.Detectors;
using Gv2Edge.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Radar.Tests.Streaming;

public class SubscriptionManagerTests
{
    private readonly FakeTimeProvider _time;
    private readonly SymbolStateStore _store = new();

    public SubscriptionManagerTests() : this(ScriptedMarket.RthMorning)
    {
    }

    private SubscriptionManagerTests(DateTimeOffset start) => _time = new FakeTimeProvider(start);

    private SubscriptionManager Manager(FakeLines lines, int max = 200) =>
        new(lines, _store, new StreamingOptions { MaxSubscriptions = max }, _time);

    [Fact]
    public async Task The_cap_holds_under_1000_concurrent_subscribe_calls_and_nothing_deadlocks()
    {
        var lines = new FakeLines(budget: 100);
        SubscriptionManager m = Manager(lines);
        var start = new ManualResetEventSlim();
        Task<SubscribeOutcome>[] calls = [.. Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
        {
            start.Wait();
            return m.Request($"S{i:0000}", i % 10 == 0 ? HotPriority.Hot : HotPriority.Normal);
        }))];
        start.Set();
        SubscribeOutcome[] outcomes = await Wait.ForAsync("1,000 concurrent subscribe calls", Task.WhenAll(calls));
        await m.SendAllAsync();

        Assert.Equal(100, m.Cap);
        Assert.Equal(100, m.Count);
        Assert.Equal(900, m.QueuedCount + m.Evictions); // every other request waits, or was admitted and then evicted by a HOT one
        Assert.True(lines.MaxOpen <= 100, $"the gateway saw {lines.MaxOpen} lines");
        Assert.Equal(100, lines.Open.Count);
        Assert.All(m.Held(), h => Assert.Equal(HotPriority.Hot, h.Priority)); // the 100 HOT requests ended up holding every line
        Assert.Equal(m.QueuedCount, outcomes.Count(o => o == SubscribeOutcome.Queued));
    }

    [Fact]
    public async Task Over_the_cap_the_stalest_lowest_priority_subscription_goes_first_and_never_a_hot_one()
    {
        var lines = new FakeLines(budget: 3);
        SubscriptionManager m = Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        m.Request("BBB", HotPriority.Warm);
        m.Request("CCC", HotPriority.Normal);
        await m.SendAllAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        _store.Apply(_store.Intern("AAA"), QuoteTick.Empty(_time.GetUtcNow()) with { Last = 1 }, out _); // AAA is fresher than CCC

        Assert.Equal(SubscribeOutcome.AcceptedByEviction, m.Request("DDD", HotPriority.Hot));
        Assert.Equal(SubscribeOutcome.AcceptedByEviction, m.Request("EEE", HotPriority.Hot));
        Assert.Equal(SubscribeOutcome.AcceptedByEviction, m.Request("FFF", HotPriority.Hot));
        Assert.Equal(SubscribeOutcome.Queued, m.Request("GGG", HotPriority.Hot));
        Assert.Equal(SubscribeOutcome.Queued, m.Request("HHH", HotPriority.Normal));
        await m.SendAllAsync();

        Assert.Equal(["CCC", "AAA", "BBB"], m.EvictedSymbols);
        Assert.Equal(["DDD", "EEE", "FFF"], lines.Open.Order());
        Assert.True(lines.MaxOpen <= 3);

        m.Release("DDD");
        await m.SendAllAsync();
        Assert.Contains("GGG", lines.Open); // the HOT waiter before the NORMAL one
        Assert.DoesNotContain("HHH", lines.Open);
    }

    [Fact]
    public void A_normal_request_does_not_evict_a_fresh_normal_subscription_but_does_evict_a_stale_one()
    {
        var lines = new FakeLines(budget: 1);
        SubscriptionManager m = Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        Assert.Equal(SubscribeOutcome.Queued, m.Request("BBB", HotPriority.Normal));

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SubscribeOutcome.AcceptedByEviction, m.Request("CCC", HotPriority.Normal));
        Assert.Equal(["AAA"], m.EvictedSymbols);
    }

    [Fact]
    public void A_quiet_pre_market_is_not_stale()
    {
        var pre = new SubscriptionManagerTests(ScriptedMarket.PreMarket);
        var lines = new FakeLines(budget: 1);
        SubscriptionManager m = pre.Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        pre._time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(SubscribeOutcome.Queued, m.Request("BBB", HotPriority.Normal));
    }

    [Fact]
    public async Task Requests_go_out_in_paced_batches_of_ten()
    {
        var lines = new FakeLines(budget: 100);
        SubscriptionManager m = Manager(lines);
        for (int i = 0; i < 25; i++)
        {
            m.Request($"S{i:00}", HotPriority.Normal);
        }

        using var cts = new CancellationTokenSource();
        Task run = m.RunAsync(cts.Token);
        await Wait.UntilAsync("first batch", () => lines.SubscribeCalls == 10);
        Assert.Equal(10, lines.SubscribeCalls);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Wait.UntilAsync("second batch", () => lines.SubscribeCalls == 20);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Wait.UntilAsync("third batch", () => lines.SubscribeCalls == 25);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_reconnect_re_requests_every_held_subscription()
    {
        var lines = new FakeLines(budget: 100);
        SubscriptionManager m = Manager(lines);
        await m.HoldAsync("AAA", "BBB", "CCC");
        lines.DropAll();
        m.OnReconnected();
        await m.SendAllAsync();

        Assert.Equal(["AAA", "BBB", "CCC"], lines.Open.Order());
        Assert.Equal(1, m.Reconnects);
        Assert.Equal(6, lines.SubscribeCalls);
    }

    [Fact]
    public async Task A_refused_subscription_frees_its_line_for_the_queue()
    {
        var lines = new FakeLines(budget: 1);
        lines.Refuse.Add("ZZZZQ");
        SubscriptionManager m = Manager(lines);
        m.Request("ZZZZQ", HotPriority.Normal);
        m.Request("AAA", HotPriority.Normal);
        await m.SendAllAsync();

        Assert.Equal(["AAA"], lines.Open);
        Assert.Equal(1, m.Failures);
    }

    [Fact]
    public async Task A_stale_subscription_is_evicted_only_when_its_resubscription_fails()
    {
        var lines = new FakeLines(budget: 10);
        SubscriptionManager m = Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        await m.SendAllAsync();

        Assert.True(await m.OnStaleAsync("AAA", default));
        Assert.True(m.IsSubscribed("AAA"));

        lines.ResubscribeOutcome = LineOutcome.Refused;
        Assert.False(await m.OnStaleAsync("AAA", default));
        Assert.False(m.IsSubscribed("AAA"));
        await m.SendAllAsync();
        Assert.Empty(lines.Open);
    }

    [Fact]
    public void The_cap_is_the_smaller_of_the_configured_maximum_and_the_line_budget()
    {
        Assert.Equal(200, Manager(new FakeLines(budget: 1000)).Cap);
        Assert.Equal(90, Manager(new FakeLines(budget: 90)).Cap);
    }
}
