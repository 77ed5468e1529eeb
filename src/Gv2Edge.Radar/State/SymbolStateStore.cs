using System.Collections.Concurrent;
using Gv2Edge.Radar.Detectors;

namespace Gv2Edge.Radar.State;

/// <summary>
/// The one per-symbol state store (ARCHITECTURE.md, "Who owns what state"). Symbols are interned once into
/// array slots; updates go by <see cref="SymbolId"/>, never by string. Readers (radar, acceleration engine,
/// dashboard) take <see cref="SymbolSnapshot"/>s from any thread.
/// </summary>
public sealed class SymbolStateStore
{
    private readonly ConcurrentDictionary<string, SymbolId> _ids = new(StringComparer.Ordinal);
    private readonly Lock _internLock = new();
    private readonly DetectorOptions _options;
    private SymbolState[] _slots = new SymbolState[64];
    private int _count;

    /// <summary>Creates a store.</summary>
    /// <param name="options">Windows and gap threshold (default <see cref="DetectorOptions.Default"/>).</param>
    /// <param name="clock">Session classifier (default: weekdays, New York hours, no holidays).</param>
    /// <param name="baselines">Volume baselines (default: an empty service).</param>
    public SymbolStateStore(DetectorOptions? options = null, SessionClock? clock = null, BaselineService? baselines = null)
    {
        _options = options ?? DetectorOptions.Default;
        _options.Validate();
        Clock = clock ?? new SessionClock();
        Baselines = baselines ?? new BaselineService();
    }

    public SessionClock Clock { get; }

    public BaselineService Baselines { get; }

    public DetectorOptions Options => _options;

    /// <summary>Number of interned symbols.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Interns <paramref name="symbol"/> (trimmed, upper-cased) and returns its slot; idempotent.</summary>
    public SymbolId Intern(string symbol)
    {
        string key = Normalize(symbol);
        if (_ids.TryGetValue(key, out SymbolId id))
        {
            return id;
        }

        lock (_internLock)
        {
            if (_ids.TryGetValue(key, out id))
            {
                return id;
            }

            id = new SymbolId(_count);
            if (_count == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            _slots[_count] = new SymbolState(id, string.Intern(key), _options);
            Volatile.Write(ref _count, _count + 1);
            _ids[key] = id;
            return id;
        }
    }

    /// <summary>The slot of an interned symbol.</summary>
    public bool TryGetId(string symbol, out SymbolId id) => _ids.TryGetValue(symbol, out id) || _ids.TryGetValue(Normalize(symbol), out id);

    /// <summary>The symbol of a slot.</summary>
    public string SymbolOf(SymbolId id) => State(id).Symbol;

    /// <summary>Applies an update and returns what the detectors need. Thread-safe per symbol.</summary>
    public void Apply(SymbolId id, in QuoteTick tick, out DetectorInput input)
    {
        SymbolState state = State(id);
        lock (state.Gate)
        {
            ApplyLocked(state, in tick, out input);
        }
    }

    /// <summary>The next update of this symbol restarts period volume and windows (reconnect, resubscription).</summary>
    public void MarkGap(SymbolId id)
    {
        SymbolState state = State(id);
        lock (state.Gate)
        {
            state.MarkGap();
        }
    }

    /// <summary>Marks a gap for every symbol (after a reconnect).</summary>
    public void MarkGapAll()
    {
        for (int i = 0; i < Count; i++)
        {
            MarkGap(new SymbolId(i));
        }
    }

    /// <summary>The current view of a symbol; null before its first update.</summary>
    public SymbolSnapshot? Snapshot(SymbolId id)
    {
        SymbolState state = State(id);
        lock (state.Gate)
        {
            return state.HasTick ? state.ToSnapshot() : null;
        }
    }

    /// <summary>The current view of a symbol by name; null when unknown or not updated yet.</summary>
    public SymbolSnapshot? Snapshot(string symbol) => TryGetId(symbol, out SymbolId id) ? Snapshot(id) : null;

    /// <summary>Views of every symbol that has had an update.</summary>
    public IReadOnlyList<SymbolSnapshot> SnapshotAll()
    {
        var list = new List<SymbolSnapshot>(Count);
        for (int i = 0; i < Count; i++)
        {
            if (Snapshot(new SymbolId(i)) is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>Copies the most recent 1-second bars of a symbol, oldest first; returns how many were written.</summary>
    public int CopySeconds(SymbolId id, Span<SecondBar> destination)
    {
        SymbolState state = State(id);
        lock (state.Gate)
        {
            return state.CopySeconds(destination);
        }
    }

    /// <summary>UTC ticks of the last update of a symbol (0 before the first).</summary>
    public long LastUpdateUtcTicks(SymbolId id)
    {
        SymbolState state = State(id);
        lock (state.Gate)
        {
            return state.HasTick ? state.LastTickUtc : 0;
        }
    }

    internal SymbolState State(SymbolId id)
    {
        SymbolState[] slots = Volatile.Read(ref _slots);
        if ((uint)id.Value >= (uint)Count || slots[id.Value] is not { } state)
        {
            throw new ArgumentOutOfRangeException(nameof(id), $"Symbol slot {id.Value} is not interned in this store.");
        }

        return state;
    }

    internal void ApplyLocked(SymbolState state, in QuoteTick tick, out DetectorInput input)
    {
        SessionPoint session = Clock.At(tick.Time.UtcTicks);
        if (state.Profile is null || state.Profile.Date != session.ExchangeDate)
        {
            state.Profile = Baselines.Get(state.Symbol, session.ExchangeDate);
        }

        state.Apply(in tick, in session, out input);
    }

    private static string Normalize(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return symbol.Trim().ToUpperInvariant();
    }
}
