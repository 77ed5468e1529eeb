using Gv2Edge.TestKit;
using Gv2Edge.Tws.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Unit;

public class HistoricalRequestSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 14, 30, 0, TimeSpan.Zero);

    private static HistoricalRequestKey Key(string contract, string identity, bool small = false, int weight = 1)
        => new($"{contract}|{identity}", contract, small, weight);

    [Fact]
    public async Task An_identical_request_waits_15_seconds()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        HistoricalLease first = await scheduler.AcquireAsync(Key("AAPL", "1 D/5 mins"));
        first.Dispose();

        Task<HistoricalLease> second = scheduler.AcquireAsync(Key("AAPL", "1 D/5 mins"));
        clock.Advance(TimeSpan.FromSeconds(14.9));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        (await Wait.ForAsync("identical request granted after 15 s", second)).Dispose();
    }

    [Fact]
    public async Task At_most_five_requests_for_one_contract_within_two_seconds()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        var tasks = Enumerable.Range(0, 7).Select(i => scheduler.AcquireAsync(Key("MSFT", $"req{i}"))).ToList();
        await Wait.UntilAsync("five granted", () => tasks.Count(t => t.IsCompleted) == 5);

        Task<HistoricalLease> other = scheduler.AcquireAsync(Key("NVDA", "x"));
        await Wait.ForAsync("another contract is not held back", other);

        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(5, tasks.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.UntilAsync("all seven granted", () => tasks.All(t => t.IsCompleted));
    }

    [Fact]
    public async Task At_most_60_small_bar_requests_in_ten_minutes_and_bid_ask_counts_twice()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        var granted = new List<DateTimeOffset>();
        for (int i = 0; i < 59; i++)
        {
            (await scheduler.AcquireAsync(Key($"S{i}", "30 secs", small: true))).Dispose();
            granted.Add(clock.GetUtcNow());
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // 59 used: a BID_ASK request (weight 2) does not fit; a large-bar request is not counted at all.
        Task<HistoricalLease> bidAsk = scheduler.AcquireAsync(Key("Z", "30 secs BID_ASK", small: true, weight: 2));
        (await Wait.ForAsync("large bars pass", scheduler.AcquireAsync(Key("Y", "1 min")))).Dispose();
        Assert.False(bidAsk.IsCompleted);

        // It fits once the first small request leaves the 10-minute window.
        clock.Advance(granted[0] + TimeSpan.FromMinutes(10) - clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        Assert.False(bidAsk.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await Wait.ForAsync("bid/ask granted", bidAsk)).Dispose();
    }

    [Fact]
    public async Task At_most_50_open_and_a_release_lets_the_next_one_go()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        var leases = new List<HistoricalLease>();
        for (int i = 0; i < 50; i++)
        {
            leases.Add(await scheduler.AcquireAsync(Key($"C{i}", "1 D")));
        }

        Task<HistoricalLease> waiting = scheduler.AcquireAsync(Key("C50", "1 D"));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(50, scheduler.Open);
        Assert.Equal(1, scheduler.Waiting);

        leases[0].Dispose();
        leases[0].Dispose(); // twice is harmless
        (await Wait.ForAsync("released slot granted", waiting)).Dispose();
        Assert.Equal(49, scheduler.Open);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_queue()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        (await scheduler.AcquireAsync(Key("A", "same"))).Dispose();
        using var cts = new CancellationTokenSource();
        Task<HistoricalLease> waiting = scheduler.AcquireAsync(Key("A", "same"), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public async Task The_rule_clock_starts_when_the_request_actually_left()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = new HistoricalRequestScheduler(clock);
        HistoricalLease lease = await scheduler.AcquireAsync(Key("A", "same"));
        clock.Advance(TimeSpan.FromSeconds(3)); // the writer was busy
        lease.MarkSent();
        lease.Dispose();

        Task<HistoricalLease> again = scheduler.AcquireAsync(Key("A", "same"));
        clock.Advance(TimeSpan.FromSeconds(13));
        Assert.False(again.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await Wait.ForAsync("granted 15 s after the real send", again)).Dispose();
    }

    [Theory]
    [InlineData("1 secs", true)]
    [InlineData("30 secs", true)]
    [InlineData("1 min", false)]
    [InlineData("1 day", false)]
    public void Small_bar_sizes_are_30_seconds_or_less(string barSize, bool small)
    {
        Assert.Equal(small, HistoricalRequestKey.IsSmallBarSize(barSize));
    }
}
