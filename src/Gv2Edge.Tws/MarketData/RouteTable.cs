using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// reqId → subscription, read by the socket reader on every tick and changed rarely (subscribe, resubscribe, cancel,
/// failure, disconnect). A lookup probes an immutable open-addressed array with no lock and no interlocked
/// instruction; a change copies the table under a lock and publishes the copy, so a reader always sees a whole table,
/// old or new. Copying costs a few hundred entries at most (IB's line limit keeps the table small).
/// </summary>
internal sealed class RouteTable
{
    private const int MinCapacity = 16;

    private readonly Lock _gate = new();
    private Entry[] _table = new Entry[MinCapacity];
    private int _count;

    /// <summary>Routes in the table.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The subscription <paramref name="id"/> routes to, if any. Safe from any thread, allocation-free.</summary>
    public bool TryGetValue(int id, [NotNullWhen(true)] out MarketDataSubscription? subscription)
    {
        Entry[] table = Volatile.Read(ref _table);
        int mask = table.Length - 1;
        for (int i = id & mask; ; i = (i + 1) & mask)
        {
            Entry e = table[i];
            if (e.Subscription is null || e.Id == id)
            {
                subscription = e.Subscription;
                return subscription is not null;
            }
        }
    }

    /// <summary>Routes <paramref name="id"/> to <paramref name="subscription"/>, replacing any previous route.</summary>
    public void Set(int id, MarketDataSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            Publish(id, subscription);
        }
    }

    /// <summary>Removes the route for <paramref name="id"/>; false when there was none.</summary>
    public bool TryRemove(int id, [NotNullWhen(true)] out MarketDataSubscription? subscription)
    {
        lock (_gate)
        {
            if (!TryGetValue(id, out subscription))
            {
                return false;
            }

            Publish(id, null);
            return true;
        }
    }

    /// <summary>Removes every route.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Volatile.Write(ref _table, new Entry[MinCapacity]);
            Volatile.Write(ref _count, 0);
        }
    }

    // Rebuilds the table without the old entry for id, plus the new one (none when removing). Rebuilding rather than
    // editing in place is what lets readers go without a lock; it also leaves no tombstones behind.
    private void Publish(int id, MarketDataSubscription? subscription)
    {
        Entry[] old = _table;
        int count = 0;
        foreach (Entry e in old)
        {
            if (e.Subscription is not null && e.Id != id)
            {
                count++;
            }
        }

        int total = count + (subscription is null ? 0 : 1);
        var table = new Entry[Math.Max(MinCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)(total * 2)))];
        foreach (Entry e in old)
        {
            if (e.Subscription is not null && e.Id != id)
            {
                Insert(table, e);
            }
        }

        if (subscription is not null)
        {
            Insert(table, new Entry(id, subscription));
        }

        Volatile.Write(ref _table, table);
        Volatile.Write(ref _count, total);
    }

    private static void Insert(Entry[] table, Entry entry)
    {
        int mask = table.Length - 1;
        int i = entry.Id & mask;
        while (table[i].Subscription is not null)
        {
            i = (i + 1) & mask;
        }

        table[i] = entry;
    }

    private readonly record struct Entry(int Id, MarketDataSubscription? Subscription);
}
