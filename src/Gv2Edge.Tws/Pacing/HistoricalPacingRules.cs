namespace Gv2Edge.Tws.Pacing;

/// <summary>
/// IB's historical-data pacing rules as pure arithmetic (tws-protocol.md §7): no identical request within
/// 15 s; at most 5 requests for one contract within 2 s; at most 60 small-bar requests (bars ≤ 30 s) in any
/// 10 minutes; at most 50 open at once. Remembers what was sent; answers how long a new request must wait.
/// Not thread-safe (the scheduler locks around it).
/// </summary>
public sealed class HistoricalPacingRules
{
    /// <summary>No identical request within this window.</summary>
    public static readonly TimeSpan IdenticalWindow = TimeSpan.FromSeconds(15);

    /// <summary>The per-contract window.</summary>
    public static readonly TimeSpan SameContractWindow = TimeSpan.FromSeconds(2);

    /// <summary>At most this many per contract within <see cref="SameContractWindow"/> (IB's violation is 6).</summary>
    public const int SameContractLimit = 5;

    /// <summary>The small-bar window.</summary>
    public static readonly TimeSpan SmallBarWindow = TimeSpan.FromMinutes(10);

    /// <summary>At most this many small-bar requests within <see cref="SmallBarWindow"/>.</summary>
    public const int SmallBarLimit = 60;

    /// <summary>At most this many open at once.</summary>
    public const int MaxOpen = 50;

    private readonly List<Sent> _sent = [];

    /// <summary>
    /// How long a request with <paramref name="key"/> must wait from <paramref name="now"/>; zero when it may go
    /// now. Open-request capacity is the caller's business (it waits for a release, not for time).
    /// </summary>
    public TimeSpan WaitBefore(in HistoricalRequestKey key, DateTimeOffset now)
    {
        Forget(now);
        DateTimeOffset earliest = now;
        int sameContract = 0;
        int smallWeight = 0;
        for (int i = _sent.Count - 1; i >= 0; i--)
        {
            Sent s = _sent[i];
            if (s.Key.Identity == key.Identity)
            {
                earliest = Max(earliest, s.At + IdenticalWindow);
            }

            if (s.Key.ContractKey == key.ContractKey && s.At > now - SameContractWindow)
            {
                sameContract++;
                if (sameContract == SameContractLimit)
                {
                    // The oldest of the last five must leave the window first.
                    earliest = Max(earliest, s.At + SameContractWindow);
                }
            }
        }

        if (key.SmallBars)
        {
            // Walk from the newest: the request fits once the weights still inside the window leave room for it.
            int room = SmallBarLimit - key.Weight;
            for (int i = _sent.Count - 1; i >= 0; i--)
            {
                Sent s = _sent[i];
                if (!s.Key.SmallBars)
                {
                    continue;
                }

                smallWeight += s.Key.Weight;
                if (smallWeight > room)
                {
                    earliest = Max(earliest, s.At + SmallBarWindow);
                    break;
                }
            }
        }

        return earliest - now;
    }

    /// <summary>Records a request as sent at <paramref name="at"/>; returns a handle to correct the time later.</summary>
    public object Record(in HistoricalRequestKey key, DateTimeOffset at)
    {
        var s = new Sent(key, at);
        _sent.Add(s);
        return s;
    }

    /// <summary>Moves a recorded request's time to when it actually left (pacing may delay it).</summary>
    public void Correct(object handle, DateTimeOffset actual)
    {
        if (handle is Sent s && actual > s.At)
        {
            s.At = actual;
            _sent.Sort(static (a, b) => a.At.CompareTo(b.At));
        }
    }

    private void Forget(DateTimeOffset now)
    {
        DateTimeOffset horizon = now - SmallBarWindow;
        int drop = 0;
        while (drop < _sent.Count && _sent[drop].At <= horizon)
        {
            drop++;
        }

        if (drop > 0)
        {
            _sent.RemoveRange(0, drop);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Sent(HistoricalRequestKey key, DateTimeOffset at)
    {
        public HistoricalRequestKey Key { get; } = key;

        public DateTimeOffset At { get; set; } = at;
    }
}
