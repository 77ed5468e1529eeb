using System.Collections.Concurrent;

namespace Gv2Edge.Radar.Services;

/// <summary>
/// A small time-to-live cache with hit/miss counters (the original's <c>utils/cache.py</c>, with a clock). Concurrent
/// callers asking for the same missing key share one load.
/// </summary>
public sealed class TtlCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly TimeProvider _clock;
    private readonly Func<TKey, TValue, DateTimeOffset, DateTimeOffset> _expiry;
    private long _hits;
    private long _misses;

    /// <summary>Entries live <paramref name="ttl"/> from when they were stored.</summary>
    public TtlCache(TimeSpan ttl, TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
        : this((_, _, now) => now + ttl, clock, comparer)
    {
    }

    /// <summary>Entries live until <paramref name="expiry"/>(key, value, now) (e.g. "until the next session").</summary>
    public TtlCache(Func<TKey, TValue, DateTimeOffset, DateTimeOffset> expiry, TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    {
        _expiry = expiry;
        _clock = clock;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer ?? EqualityComparer<TKey>.Default);
    }

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to load.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cached value, or the result of <paramref name="load"/> stored for next time. Failures are not cached.</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        if (_entries.TryGetValue(key, out Entry? entry) && (!entry.Task.IsCompleted || (entry.Task.IsCompletedSuccessfully && entry.ExpiresAt() > now)))
        {
            Interlocked.Increment(ref _hits);
            return await entry.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _misses);
        var fresh = new Entry(load(key, CancellationToken.None), this, key, now);
        _entries[key] = fresh;
        try
        {
            return await fresh.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (fresh.Task.IsFaulted || fresh.Task.IsCanceled)
        {
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, fresh));
            throw;
        }
    }

    /// <summary>Stores a value directly.</summary>
    public void Set(TKey key, TValue value) => _entries[key] = new Entry(Task.FromResult(value), this, key, _clock.GetUtcNow());

    /// <summary>Forgets everything.</summary>
    public void Clear() => _entries.Clear();

    private sealed class Entry(Task<TValue> task, TtlCache<TKey, TValue> owner, TKey key, DateTimeOffset storedAt)
    {
        private DateTimeOffset? _expires;

        public Task<TValue> Task { get; } = task;

        public DateTimeOffset ExpiresAt()
        {
            _expires ??= owner._expiry(key, Task.Result, storedAt);
            return _expires.Value;
        }
    }
}
