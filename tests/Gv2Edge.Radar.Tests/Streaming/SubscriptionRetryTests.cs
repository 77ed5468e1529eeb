using Gv2Edge.Radar.State;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Radar.Tests.Detectors;
using Gv2Edge.TestKit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Radar.Tests.Streaming;

/// <summary>A subscription is lost only to the gateway refusing its symbol, never to a busy moment or a reconnect.</summary>
public class SubscriptionRetryTests
{
    private readonly FakeTimeProvider _time = new(ScriptedMarket.RthMorning);
    private readonly SymbolStateStore _store = new();

    private SubscriptionManager Manager(FakeLines lines) =>
        new(lines, _store, new StreamingOptions { MaxSubscriptions = 200, RetryDelay = TimeSpan.FromSeconds(5) }, _time);

    [Fact]
    public async Task A_request_that_finds_no_line_free_keeps_its_place_and_goes_out_again_after_the_retry_delay()
    {
        var lines = new FakeLines();
        SubscriptionManager m = Manager(lines);
        lines.Unavailable.Add("AAA");
        m.Request("AAA", HotPriority.Normal);
        await m.SendAllAsync();

        Assert.True(m.IsSubscribed("AAA"));
        Assert.Empty(lines.Open);
        Assert.Equal(1, m.RetryingCount);

        lines.Unavailable.Clear();
        _time.Advance(TimeSpan.FromSeconds(4));
        await m.SendAllAsync();
        Assert.Empty(lines.Open); // not due yet

        _time.Advance(TimeSpan.FromSeconds(1));
        await m.SendAllAsync();
        Assert.Equal(["AAA"], lines.Open);
        Assert.Equal((0, 0, 1L), (m.RetryingCount, (int)m.Failures, m.Retries));
    }

    [Fact]
    public async Task After_a_reconnect_every_held_subscription_is_re_requested_and_none_is_lost_to_a_failed_resubscription()
    {
        var lines = new FakeLines();
        SubscriptionManager m = Manager(lines);
        string[] symbols = [.. Enumerable.Range(0, 80).Select(i => $"S{i:00}")];
        foreach (string s in symbols)
        {
            m.Request(s, HotPriority.Normal);
        }

        await m.SendAllAsync();
        lines.DropAll();
        foreach (string s in symbols.Take(30))
        {
            lines.Unavailable.Add(s); // e.g. a scan holds the lines while the reconnect resubscribes
        }

        m.OnReconnected();
        await m.SendAllAsync();
        Assert.Equal(50, lines.Open.Count);
        Assert.Equal(80, m.Count);
        Assert.Equal(0, m.Evictions);

        lines.Unavailable.Clear();
        _time.Advance(TimeSpan.FromSeconds(5));
        await m.SendAllAsync();
        Assert.Equal(symbols, lines.Open.Order());
        Assert.Equal((80, 0L, 0L), (m.Count, m.Evictions, m.Failures));
    }

    [Fact]
    public async Task A_stale_line_whose_resubscription_fails_for_a_passing_reason_is_kept_and_retried()
    {
        var lines = new FakeLines();
        SubscriptionManager m = Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        await m.SendAllAsync();
        lines.DropAll();

        lines.ResubscribeOutcome = LineOutcome.Unavailable;
        Assert.True(await m.OnStaleAsync("AAA", default));
        Assert.True(m.IsSubscribed("AAA"));
        Assert.Equal(0, m.Evictions);

        _time.Advance(TimeSpan.FromSeconds(5));
        await m.SendAllAsync();
        Assert.Equal(["AAA"], lines.Open);
    }

    [Fact]
    public async Task A_line_the_gateway_ends_is_requested_again_unless_it_refused_the_symbol()
    {
        var lines = new FakeLines();
        SubscriptionManager m = Manager(lines);
        m.Request("AAA", HotPriority.Normal);
        m.Request("ZZZZQ", HotPriority.Normal);
        await m.SendAllAsync();
        lines.DropAll();

        m.OnLineLost("AAA", LineOutcome.Unavailable);
        m.OnLineLost("ZZZZQ", LineOutcome.Refused);
        _time.Advance(TimeSpan.FromSeconds(5));
        await m.SendAllAsync();

        Assert.Equal(["AAA"], lines.Open);
        Assert.False(m.IsSubscribed("ZZZZQ"));
        Assert.Equal(1, m.Failures);
        Assert.DoesNotContain("-ZZZZQ", lines.Log); // the client already ended that line: nothing to cancel
    }

    [Fact]
    public async Task A_retry_waits_in_the_queue_when_the_line_budget_shrank_meanwhile()
    {
        var lines = new FakeLines(budget: 3);
        SubscriptionManager m = Manager(lines);
        await m.HoldAsync("AAA", "BBB", "CCC");
        lines.DropAll();
        lines.LineBudget = 2;
        m.OnLineLost("CCC", LineOutcome.Unavailable);
        _time.Advance(TimeSpan.FromSeconds(5));
        await m.SendAllAsync();

        Assert.Equal((2, 1), (m.Count, m.QueuedCount));
        Assert.True(m.Release("AAA") && m.IsSubscribed("CCC")); // first in line when one comes back
    }

    [Fact]
    public async Task The_sender_loop_retries_on_its_own_when_the_delay_passes()
    {
        var lines = new FakeLines();
        SubscriptionManager m = Manager(lines);
        using var cts = new CancellationTokenSource();
        Task run = m.RunAsync(cts.Token);
        lines.Unavailable.Add("AAA");
        m.Request("AAA", HotPriority.Normal);
        await Wait.UntilAsync("the first attempt", () => m.RetryingCount == 1);

        lines.Unavailable.Clear();
        await FakeClockPump.UntilAsync(_time, "the retry", () => lines.Open.Count == 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), Wait.DefaultTimeout);

        Assert.Equal(2, lines.SubscribeCalls);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
