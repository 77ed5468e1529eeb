using Gv2Edge.TestKit;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Gv2Edge.Tws.Tests.Unit;

public class RouteTableTests
{
    private static readonly ClockAnchor Clock = new(new FakeTimeProvider());

    private static MarketDataSubscription Sub(string symbol)
        => new(new Contract { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" }, "", LineKind.Streaming, Clock, null);

    [Fact]
    public void Routes_are_found_replaced_and_removed_by_request_id()
    {
        var table = new RouteTable();
        MarketDataSubscription a = Sub("A"), b = Sub("B");
        table.Set(7, a);
        table.Set(23, b); // same slot as 7 in a 16-entry table: probing must tell them apart

        Assert.True(table.TryGetValue(7, out MarketDataSubscription? found) && ReferenceEquals(found, a));
        Assert.True(table.TryGetValue(23, out found) && ReferenceEquals(found, b));
        Assert.False(table.TryGetValue(39, out _));

        table.Set(7, b);
        Assert.True(table.TryGetValue(7, out found) && ReferenceEquals(found, b));
        Assert.Equal(2, table.Count);

        Assert.True(table.TryRemove(7, out found) && ReferenceEquals(found, b));
        Assert.False(table.TryRemove(7, out _));
        Assert.False(table.TryGetValue(7, out _));
        Assert.True(table.TryGetValue(23, out _)); // removing the first of a probe chain keeps the rest reachable

        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(23, out _));
    }

    [Fact]
    public void A_thousand_routes_with_scattered_and_negative_ids_all_resolve()
    {
        var table = new RouteTable();
        int[] ids = [.. Enumerable.Range(0, 1000).Select(i => (i * 7919) - 500_000)];
        MarketDataSubscription[] subs = [.. ids.Select(i => Sub($"S{i}"))];
        for (int i = 0; i < ids.Length; i++)
        {
            table.Set(ids[i], subs[i]);
        }

        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryGetValue(ids[i], out MarketDataSubscription? found) && ReferenceEquals(found, subs[i]), $"id {ids[i]}");
        }

        Assert.Equal(1000, table.Count);
    }

    [Fact]
    public void A_lookup_allocates_nothing()
    {
        var table = new RouteTable();
        for (int i = 1; i <= 200; i++)
        {
            table.Set(i, Sub($"S{i}"));
        }

        _ = table.TryGetValue(1, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int hits = 0;
        for (int i = 0; i < 10_000; i++)
        {
            hits += table.TryGetValue((i % 250) + 1, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(8_000, hits);
    }

    [Fact]
    public async Task A_reader_never_sees_a_wrong_route_while_another_thread_changes_the_table()
    {
        var table = new RouteTable();
        MarketDataSubscription stable = Sub("STABLE");
        table.Set(1, stable);
        MarketDataSubscription[] churn = [.. Enumerable.Range(0, 64).Select(i => Sub($"C{i}"))];
        using var stop = new CancellationTokenSource();
        long reads = 0;
        Task reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.True(table.TryGetValue(1, out MarketDataSubscription? s) && ReferenceEquals(s, stable));
                for (int i = 0; i < churn.Length; i++)
                {
                    if (table.TryGetValue(1000 + i, out MarketDataSubscription? c))
                    {
                        Assert.Same(churn[i], c);
                    }
                }

                Interlocked.Increment(ref reads);
            }
        });

        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < churn.Length; i++)
            {
                table.Set(1000 + i, churn[i]);
            }

            for (int i = 0; i < churn.Length; i++)
            {
                Assert.True(table.TryRemove(1000 + i, out _));
            }
        }

        await Wait.UntilAsync("the reader ran", () => Interlocked.Read(ref reads) > 0);
        await stop.CancelAsync();
        await Wait.ForAsync("reader stopped", reader.ContinueWith(t => t, TaskScheduler.Default));
        await reader; // surfaces an assertion from the reader thread
        Assert.Equal(1, table.Count);
    }
}
