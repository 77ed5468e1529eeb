using Gv2Edge.Market;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Streaming;

/// <summary>What <see cref="SubscriptionManager.Request"/> did.</summary>
public enum SubscribeOutcome
{
    /// <summary>Already held (its priority was raised if needed).</summary>
    AlreadySubscribed,

    /// <summary>A free line: the request goes out in the next batch.</summary>
    Accepted,

    /// <summary>Over the cap: a stale or lower-priority subscription was evicted to make room.</summary>
    AcceptedByEviction,

    /// <summary>Over the cap and nothing evictable: waits in the queue for a free line.</summary>
    Queued,
}

/// <summary>
/// Persistent subscriptions up to cap = min(<see cref="StreamingOptions.MaxSubscriptions"/>, the line budget).
/// Requests never block and never wait on each other: the table changes under one short lock (no I/O inside), and
/// the requests go out later, in paced batches, from <see cref="SendBatchAsync"/> / <see cref="RunAsync"/>, in the
/// order the table changed, so the gateway never sees more lines than the cap.
/// </summary>
public sealed partial class SubscriptionManager
{
    private readonly Dictionary<string, Subscription> _held = new(StringComparer.Ordinal);
    private readonly List<Waiting> _queue = [];
    private readonly Queue<Op> _ops = new();
    private readonly Lock _lock = new();
    private readonly IMarketDataLines _lines;
    private readonly SymbolStateStore _store;
    private readonly StreamingOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _work = new(0);
    private long _sequence;

    /// <summary>Creates the manager.</summary>
    public SubscriptionManager(IMarketDataLines lines, SymbolStateStore store, StreamingOptions options, TimeProvider time)
    {
        _lines = lines;
        _store = store;
        _options = options;
        _time = time;
    }

    /// <summary>Subscriptions evicted (priority replacement, or a failed resubscription).</summary>
    public long Evictions { get; private set; }

    /// <summary>Reconnect notices handled.</summary>
    public long Reconnects { get; private set; }

    /// <summary>Subscription requests the gateway refused.</summary>
    public long Failures { get; private set; }

    /// <summary>Symbols evicted, oldest first (for the summary and tests).</summary>
    public IReadOnlyList<string> EvictedSymbols
    {
        get
        {
            lock (_lock)
            {
                return [.. _evicted];
            }
        }
    }

    /// <summary>The cap now: min(configured maximum, line budget).</summary>
    public int Cap => Math.Max(0, Math.Min(_options.MaxSubscriptions, _lines.LineBudget));

    /// <summary>Subscriptions held (sent or about to be sent).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Requests waiting for a line.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Requests not yet sent to the gateway.</summary>
    public int PendingSends
    {
        get
        {
            lock (_lock)
            {
                return _ops.Count;
            }
        }
    }

    private readonly List<string> _evicted = [];

    /// <summary>True when the symbol holds (or is about to hold) a line.</summary>
    public bool IsSubscribed(string symbol)
    {
        lock (_lock)
        {
            return _held.ContainsKey(symbol);
        }
    }

    /// <summary>The held symbols with their priorities.</summary>
    public IReadOnlyList<(string Symbol, HotPriority Priority)> Held()
    {
        lock (_lock)
        {
            return [.. _held.Values.Select(s => (s.Symbol, s.Priority)).OrderBy(s => s.Symbol, StringComparer.Ordinal)];
        }
    }

    /// <summary>Asks for a line for <paramref name="symbol"/> at <paramref name="priority"/>. Never blocks.</summary>
    public SubscribeOutcome Request(string symbol, HotPriority priority)
    {
        SymbolId id = _store.Intern(symbol);
        string key = _store.SymbolOf(id);
        lock (_lock)
        {
            if (_held.TryGetValue(key, out Subscription? held))
            {
                held.Priority = (HotPriority)Math.Max((int)held.Priority, (int)priority);
                return SubscribeOutcome.AlreadySubscribed;
            }

            int waiting = _queue.FindIndex(w => w.Symbol == key);
            if (waiting >= 0)
            {
                if (_queue[waiting].Priority >= priority)
                {
                    return SubscribeOutcome.Queued;
                }

                _queue.RemoveAt(waiting); // retry at the higher priority below
            }

            long now = _time.GetUtcNow().UtcTicks;
            if (_held.Count < Cap)
            {
                Admit(key, id, priority, now);
                return SubscribeOutcome.Accepted;
            }

            if (FindVictim(priority, now) is { } victim)
            {
                Evict(victim);
                Admit(key, id, priority, now);
                return SubscribeOutcome.AcceptedByEviction;
            }

            _queue.Add(new Waiting(key, priority, _sequence++));
            return SubscribeOutcome.Queued;
        }
    }

    /// <summary>Raises or lowers the priority of a held or queued symbol (hot-list promotion or expiry).</summary>
    public void SetPriority(string symbol, HotPriority priority)
    {
        bool retry = false;
        lock (_lock)
        {
            if (_held.TryGetValue(symbol, out Subscription? held))
            {
                held.Priority = priority;
            }
            else
            {
                int i = _queue.FindIndex(w => w.Symbol == symbol);
                retry = i >= 0 && _queue[i].Priority < priority;
            }
        }

        if (retry)
        {
            Request(symbol, priority); // a promoted waiter may now evict
        }
    }

    /// <summary>Gives a line back and admits the best waiting request.</summary>
    public bool Release(string symbol)
    {
        lock (_lock)
        {
            _queue.RemoveAll(w => w.Symbol == symbol);
            if (!_held.TryGetValue(symbol, out Subscription? held))
            {
                return false;
            }

            Drop(held);
            AdmitWaiting();
            return true;
        }
    }
}
